/**
 * The database's limits and guarantees through the real wx-server-sdk: get's default and maximum
 * page sizes, unique indexes from the schema (a violation changes nothing), atomic single-document
 * updates under 1000 parallel writers, and env ids as separate databases.
 */
import { type RunningCloud, type SdkDatabase, databaseOf, sdkFor, startCloud } from '../support/local-cloud'

jest.setTimeout(60_000)

type Sdk = ReturnType<typeof sdkFor>
type Db = SdkDatabase

let cloud: RunningCloud
let sdk: Sdk
let db: Db

beforeAll(async () => {
  cloud = await startCloud()
  sdk = sdkFor(cloud)
  db = databaseOf(sdk)
})

afterAll(async () => {
  await cloud?.stop()
})

const messageOf = (err: unknown): string => {
  const e = err as { errMsg?: string; message?: string } | undefined
  return String(e?.errMsg ?? e?.message ?? err)
}

describe('page sizes', () => {
  beforeAll(async () => {
    await db.createCollection('big')
    for (let batch = 0; batch < 11; batch++) {
      const data = Array.from({ length: 100 }, (_, i) => ({
        _id: `d${String(batch * 100 + i).padStart(4, '0')}`,
        i: batch * 100 + i,
      }))
      await db.collection('big').add({ data } as never)
    }
  })

  test('get() returns 100 by default, at most 1000, and pages with skip', async () => {
    expect(await db.collection('big').count()).toMatchObject({ total: 1100 })
    expect((await db.collection('big').get()).data).toHaveLength(100)
    expect((await db.collection('big').limit(1000).get()).data).toHaveLength(1000)
    expect((await db.collection('big').limit(5000).get()).data).toHaveLength(1000)
    const last = await db.collection('big').orderBy('i', 'asc').skip(1000).limit(1000).get()
    expect(last.data).toHaveLength(100)
    expect(last.data[0]).toEqual({ _id: 'd1000', i: 1000 })
  })

  test('where on _id with in() reads exactly those documents', async () => {
    const _ = db.command
    const got = await db
      .collection('big')
      .where({ _id: _.in(['d0003', 'd0999', 'missing']) })
      .get()
    expect(got.data.map((d) => d._id).sort()).toEqual(['d0003', 'd0999'])
  })
})

describe('single-document atomicity', () => {
  test('1000 parallel _.inc(1) on one document all land', async () => {
    const _ = db.command
    await db.createCollection('hits')
    await db.collection('hits').add({ data: { _id: 'page', n: 0 } })
    const started = Date.now()
    const results = await Promise.all(
      Array.from({ length: 1000 }, () =>
        db
          .collection('hits')
          .doc('page')
          .update({ data: { n: _.inc(1) } }),
      ),
    )
    const elapsed = Date.now() - started
    expect(results.every((r) => r.stats.updated === 1)).toBe(true)
    expect((await db.collection('hits').doc('page').get()).data).toEqual({ _id: 'page', n: 1000 })
    expect(elapsed).toBeLessThan(15_000)
  })
})

describe('unique indexes', () => {
  // communities.inviteCode is unique in cloudfunctions/core/schema.ts.
  const communities = () => db.collection('communities')

  beforeAll(async () => {
    await communities().add({ data: { _id: 'c1', inviteCode: 'AAA111', name: 'one' } })
    await communities().add({ data: { _id: 'c2', inviteCode: 'BBB222', name: 'two' } })
  })

  test('add with a taken key fails with the duplicate-key error and inserts nothing', async () => {
    const err = await communities()
      .add({ data: { _id: 'c3', inviteCode: 'AAA111' } })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ errCode: -502001 })
    expect(messageOf(err)).toMatch(
      /E11000 duplicate key error collection: test-env\.communities index: inviteCode_unique/,
    )
    await expect(communities().doc('c3').get()).rejects.toMatchObject({ errCode: -1 })
    expect(await communities().where({ inviteCode: 'AAA111' }).count()).toMatchObject({ total: 1 })
  })

  test('update, set and a batch add that would repeat a key change nothing', async () => {
    await expect(
      communities()
        .doc('c2')
        .update({ data: { inviteCode: 'AAA111', name: 'changed' } }),
    ).rejects.toMatchObject({
      errCode: -502001,
    })
    await expect(
      communities()
        .doc('c2')
        .set({ data: { inviteCode: 'AAA111' } }),
    ).rejects.toMatchObject({ errCode: -502001 })
    await expect(
      communities().add({
        data: [
          { _id: 'n1', inviteCode: 'NEW1' },
          { _id: 'n2', inviteCode: 'NEW1' },
        ],
      } as never),
    ).rejects.toMatchObject({ errCode: -502001 })
    expect((await communities().doc('c2').get()).data).toEqual({
      _id: 'c2',
      inviteCode: 'BBB222',
      name: 'two',
    })
    expect(await communities().where({ inviteCode: 'NEW1' }).count()).toMatchObject({ total: 0 })
  })

  test('a where().update giving many documents the same key fails as a whole', async () => {
    const _ = db.command
    await expect(
      communities()
        .where({ _id: _.in(['c1', 'c2']) })
        .update({ data: { inviteCode: 'SAME' } }),
    ).rejects.toMatchObject({ errCode: -502001 })
    expect(await communities().where({ inviteCode: 'SAME' }).count()).toMatchObject({ total: 0 })
  })

  test('a key freed by an update or a remove can be taken again', async () => {
    await communities()
      .doc('c2')
      .update({ data: { inviteCode: 'CCC333' } })
    await communities().add({ data: { _id: 'c4', inviteCode: 'BBB222' } })
    await communities().doc('c4').remove()
    await communities().add({ data: { _id: 'c5', inviteCode: 'BBB222' } })
    expect((await communities().where({ inviteCode: 'BBB222' }).get()).data.map((d) => d._id)).toEqual(['c5'])
  })

  test('_id is always unique', async () => {
    await db.createCollection('ids')
    await db.collection('ids').add({ data: { _id: 'same', v: 1 } })
    const err = await db
      .collection('ids')
      .add({ data: { _id: 'same', v: 2 } })
      .catch((e: unknown) => e)
    expect(messageOf(err)).toMatch(
      /E11000 duplicate key error collection: test-env\.ids index: _id_ dup key: \{ _id: "same" \}/,
    )
    expect((await db.collection('ids').doc('same').get()).data).toEqual({ _id: 'same', v: 1 })
  })
})

describe('envs', () => {
  test('each env id is its own database', async () => {
    const other = databaseOf(sdk, { env: 'other-env' })
    // The schema's collections exist in every env; nothing else is shared.
    expect(await other.collection('communities').count()).toMatchObject({ total: 0 })
    await expect(other.collection('ids').get()).rejects.toMatchObject({ errCode: -502005 })
    await other.createCollection('ids')
    await other.collection('ids').add({ data: { _id: 'same', v: 'other' } })
    expect((await other.collection('ids').doc('same').get()).data).toEqual({ _id: 'same', v: 'other' })
    expect((await db.collection('ids').doc('same').get()).data).toEqual({ _id: 'same', v: 1 })
    // Unique keys are per env too.
    await other.collection('communities').add({ data: { inviteCode: 'AAA111' } })
  })

  test('a second SDK instance initialised with another env id works on its own database', async () => {
    let second!: Sdk
    // A fresh copy of the module, as another function would load it, with cloud.init({ env: 'third-env' }).
    jest.isolateModules(() => {
      second = sdkFor({ url: cloud.url, envId: 'third-env' })
    })
    sdkFor(cloud) // the environment variables back to this cloud's env
    const third = databaseOf(second)
    await third.createCollection('ids')
    await third.collection('ids').add({ data: { _id: 'same', v: 'third' } })
    expect((await third.collection('ids').doc('same').get()).data).toEqual({ _id: 'same', v: 'third' })
    expect((await db.collection('ids').doc('same').get()).data).toEqual({ _id: 'same', v: 1 })
  })

  test('a bad env id is refused', async () => {
    const bad = databaseOf(sdk, { env: '../escape' })
    await expect(bad.collection('ids').get()).rejects.toMatchObject({ errCode: -501005 })
  })
})
