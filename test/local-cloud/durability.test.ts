/**
 * Durability of the local cloud's database: data survives a restart, a compaction, a torn log tail,
 * and `kill -9` in the middle of a burst of writes loses none that were acknowledged.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type RunningCloud, type SdkDatabase, databaseOf, sdkFor, startCloud } from '../support/local-cloud'

jest.setTimeout(60_000)
// The burst keeps some requests waiting over 3 s; the SDK would warn about each.
process.env.SILENCE = 'true'

type Db = SdkDatabase
interface Txn {
  collection(name: string): {
    doc(id: string): { update(options: { data: object }): Promise<unknown> }
    add(options: { data: object }): Promise<unknown>
  }
}

const running: RunningCloud[] = []
const freshDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'qunhuo-durability-'))

async function start(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ cloud: RunningCloud; db: Db }> {
  const cloud = await startCloud({ dataDir, env })
  running.push(cloud)
  return { cloud, db: databaseOf(sdkFor(cloud)) }
}

afterAll(async () => {
  for (const cloud of running)
    if (cloud.child.exitCode === null && cloud.child.signalCode === null) await cloud.stop()
})

/** Every `_id` in a collection, read in pages of 1000. */
async function allIds(db: Db, name: string): Promise<Set<string>> {
  const ids = new Set<string>()
  const total = (await db.collection(name).count()).total
  for (let offset = 0; offset < total; offset += 1000) {
    const page = await db
      .collection(name)
      .orderBy('_id', 'asc')
      .skip(offset)
      .limit(1000)
      .field({ _id: true })
      .get()
    for (const doc of page.data) ids.add(doc._id as string)
  }
  return ids
}

test('a restart keeps documents, collections, types, unique indexes and committed transactions', async () => {
  const dataDir = freshDir()
  const first = await start(dataDir)
  await first.db.createCollection('keep')
  const at = new Date('2024-02-03T04:05:06.789Z')
  await first.db
    .collection('keep')
    .add({ data: { _id: 'k1', at, n: 1.5, list: [1, 'two', { three: 3 }], re: /x+/i } })
  await first.db.collection('keep').add({ data: { _id: 42 as unknown as string, kind: 'numeric id' } })
  await first.db.collection('communities').add({ data: { _id: 'c1', inviteCode: 'KEEP01' } })
  await first.db.runTransaction(async (t: Txn) => {
    await t
      .collection('keep')
      .doc('k1')
      .update({ data: { n: 2.5 } })
    await t.collection('keep').add({ data: { _id: 'k2', from: 'transaction' } })
  })
  await first.db
    .collection('keep')
    .doc(42 as unknown as string)
    .remove()
  await first.cloud.stop()

  const second = await start(dataDir)
  const k1 = (await second.db.collection('keep').doc('k1').get()).data as Record<string, unknown>
  // A stored regular expression reads back through the SDK as { pattern, options }.
  expect(k1).toEqual({
    _id: 'k1',
    at,
    n: 2.5,
    list: [1, 'two', { three: 3 }],
    re: { pattern: 'x+', options: 'i' },
  })
  expect((await second.db.collection('keep').doc('k2').get()).data).toEqual({
    _id: 'k2',
    from: 'transaction',
  })
  await expect(
    second.db
      .collection('keep')
      .doc(42 as unknown as string)
      .get(),
  ).rejects.toMatchObject({ errCode: -1 })
  await expect(
    second.db.collection('communities').add({ data: { inviteCode: 'KEEP01' } }),
  ).rejects.toMatchObject({
    errCode: -502001,
  })
  await second.cloud.stop()
})

test('compaction and replay after kill -9 rebuild the exact state', async () => {
  const dataDir = freshDir()
  const { cloud, db } = await start(dataDir, { LOCAL_CLOUD_DB_COMPACT_BYTES: '8192' })
  const _ = db.command
  await db.createCollection('log')
  for (let i = 0; i < 200; i++)
    await db.collection('log').add({ data: { _id: `l${i}`, i, text: 'x'.repeat(50) } })
  await db
    .collection('log')
    .where({ i: _.lt(50) })
    .update({ data: { low: true } })
  await db
    .collection('log')
    .where({ i: _.gte(150) })
    .remove()
  await Promise.all(
    Array.from({ length: 100 }, () =>
      db
        .collection('log')
        .doc('l0')
        .update({ data: { hits: _.inc(1) } }),
    ),
  )
  const envDir = path.join(dataDir, 'test-env')
  expect(fs.existsSync(path.join(envDir, 'snapshot.jsonl'))).toBe(true)
  expect(fs.statSync(path.join(envDir, 'wal.jsonl')).size).toBeLessThan(8192 + 4096)
  await cloud.kill()

  const again = await start(dataDir)
  expect(await again.db.collection('log').count()).toMatchObject({ total: 150 })
  expect(await again.db.collection('log').where({ low: true }).count()).toMatchObject({ total: 50 })
  expect((await again.db.collection('log').doc('l0').get()).data).toMatchObject({
    i: 0,
    low: true,
    hits: 100,
  })
  await expect(again.db.collection('log').doc('l150').get()).rejects.toMatchObject({ errCode: -1 })
  await again.cloud.stop()
})

test('a torn last line in the log is dropped and the database carries on', async () => {
  const dataDir = freshDir()
  const first = await start(dataDir)
  await first.db.createCollection('torn')
  await first.db.collection('torn').add({ data: { _id: 'ok1' } })
  await first.cloud.kill()
  const walPath = path.join(dataDir, 'test-env', 'wal.jsonl')
  fs.appendFileSync(walPath, '{"s":999999,"o":[{"p":"torn","d":{"_id":"half-writ')

  const second = await start(dataDir)
  expect((await second.db.collection('torn').get()).data).toEqual([{ _id: 'ok1' }])
  await second.db.collection('torn').add({ data: { _id: 'ok2' } })
  await second.cloud.kill()

  const third = await start(dataDir)
  expect((await third.db.collection('torn').orderBy('_id', 'asc').get()).data).toEqual([
    { _id: 'ok1' },
    { _id: 'ok2' },
  ])
  await third.cloud.stop()
})

test('kill -9 in the middle of a write burst loses no acknowledged write', async () => {
  const dataDir = freshDir()
  const { cloud, db } = await start(dataDir)
  await db.createCollection('burst')
  const TOTAL = 1500
  const KILL_AFTER = 300
  const acknowledged: string[] = []
  let killed: Promise<void> | null = null
  await Promise.all(
    Array.from({ length: TOTAL }, (_, i) =>
      db
        .collection('burst')
        .add({ data: { _id: `w${String(i).padStart(5, '0')}`, i } })
        .then(
          (res) => {
            acknowledged.push(res._id as string)
            if (acknowledged.length >= KILL_AFTER && !killed) killed = cloud.kill()
          },
          () => undefined, // refused or cut off by the kill: never acknowledged
        ),
    ),
  )
  await killed
  expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER)
  expect(acknowledged.length).toBeLessThan(TOTAL)

  const after = await start(dataDir)
  const present = await allIds(after.db, 'burst')
  expect(acknowledged.filter((id) => !present.has(id))).toEqual([])
  await after.cloud.stop()
})
