/**
 * Transactions through the real wx-server-sdk: atomic commit, rollback, snapshot isolation,
 * write-write conflicts (at write time and at commit, where runTransaction retries), no lost update
 * under parallel read-modify-write, unique keys at commit, and expiry of idle transactions.
 */
import { type RunningCloud, type SdkDatabase, databaseOf, sdkFor, startCloud } from '../support/local-cloud'

jest.setTimeout(60_000)

type Db = SdkDatabase
// wx-server-sdk types transactions as `any`; this is the part of them these tests use.
interface TxnDoc {
  get(): Promise<{ data: { v?: unknown } }>
  set(options: { data: object }): Promise<unknown>
  update(options: { data: object }): Promise<unknown>
  remove(): Promise<unknown>
}
interface Txn {
  collection(name: string): {
    doc(id: string): TxnDoc
    add(options: { data: object }): Promise<{ _id: string }>
    where(query: object): { get(): Promise<unknown> }
  }
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

const IDLE_MS = 2_000

let cloud: RunningCloud
let db: Db

beforeAll(async () => {
  cloud = await startCloud({ env: { LOCAL_CLOUD_TXN_IDLE_MS: String(IDLE_MS) } })
  db = databaseOf(sdkFor(cloud))
  await db.createCollection('accounts')
  await db.createCollection('tx_log')
})

afterAll(async () => {
  await cloud?.stop()
})

const accounts = () => db.collection('accounts')
const value = async (id: string): Promise<unknown> =>
  ((await accounts().doc(id).get()).data as { v?: unknown }).v
const put = (id: string, v: unknown) => accounts().doc(id).set({ data: { v } })
const messageOf = (err: unknown): string => {
  const e = err as { errMsg?: string; message?: string } | undefined
  return String(e?.errMsg ?? e?.message ?? err)
}

test('runTransaction applies every write together and returns the callback value', async () => {
  await put('a', 100)
  await put('b', 0)
  await put('old', 1)
  const result = await db.runTransaction(async (t: Txn) => {
    const a = Number((await t.collection('accounts').doc('a').get()).data.v)
    const b = Number((await t.collection('accounts').doc('b').get()).data.v)
    await t
      .collection('accounts')
      .doc('a')
      .update({ data: { v: a - 30 } })
    await t
      .collection('accounts')
      .doc('b')
      .update({ data: { v: b + 30 } })
    await t
      .collection('accounts')
      .doc('new')
      .set({ data: { v: 'created' } })
    await t.collection('accounts').doc('old').remove()
    const added = await t.collection('tx_log').add({ data: { _id: 'log1', amount: 30 } })
    return { added: added._id }
  })
  expect(result).toEqual({ added: 'log1' })
  expect(await value('a')).toBe(70)
  expect(await value('b')).toBe(30)
  expect(await value('new')).toBe('created')
  await expect(accounts().doc('old').get()).rejects.toMatchObject({ errCode: -1 })
  expect((await db.collection('tx_log').doc('log1').get()).data).toEqual({ _id: 'log1', amount: 30 })
})

test('a thrown error or a rollback applies nothing', async () => {
  await put('r', 1)
  await expect(
    db.runTransaction(async (t: Txn) => {
      await t
        .collection('accounts')
        .doc('r')
        .update({ data: { v: 2 } })
      await t.collection('tx_log').add({ data: { _id: 'never1' } })
      throw new Error('boom')
    }),
  ).rejects.toThrow('boom')
  await expect(
    db.runTransaction(async (t: Txn) => {
      await t
        .collection('accounts')
        .doc('r')
        .update({ data: { v: 3 } })
      await t.rollback('changed my mind')
    }),
  ).rejects.toBe('changed my mind')
  expect(await value('r')).toBe(1)
  await expect(db.collection('tx_log').doc('never1').get()).rejects.toMatchObject({ errCode: -1 })
})

test('reads see the snapshot at start plus own writes; nobody sees uncommitted writes', async () => {
  await put('s1', 1)
  await put('s2', 1)
  const t: Txn = await db.startTransaction()
  expect((await t.collection('accounts').doc('s1').get()).data.v).toBe(1)
  // Committed outside after the transaction started: invisible inside.
  await put('s2', 2)
  await accounts().add({ data: { _id: 'late', v: 1 } })
  expect((await t.collection('accounts').doc('s2').get()).data.v).toBe(1)
  await expect(t.collection('accounts').doc('late').get()).rejects.toMatchObject({ errCode: -1 })
  // Own write: visible inside only.
  await t
    .collection('accounts')
    .doc('s1')
    .update({ data: { v: 5 } })
  expect((await t.collection('accounts').doc('s1').get()).data.v).toBe(5)
  expect(await value('s1')).toBe(1)
  await t.commit()
  expect(await value('s1')).toBe(5)
  expect(await value('s2')).toBe(2)
})

test('a second open transaction writing the same document conflicts and is aborted', async () => {
  await put('w', 0)
  const t1: Txn = await db.startTransaction()
  const t2: Txn = await db.startTransaction()
  await t1
    .collection('accounts')
    .doc('w')
    .update({ data: { v: 1 } })
  const err = await t2
    .collection('accounts')
    .doc('w')
    .update({ data: { v: 2 } })
    .catch((e: unknown) => e)
  expect(messageOf(err)).toMatch(/TransactionConflict/)
  await expect(t2.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
  await t1.commit()
  expect(await value('w')).toBe(1)
})

test('writing a document committed after the snapshot conflicts', async () => {
  await put('c', 0)
  const t: Txn = await db.startTransaction()
  await put('c', 7)
  const err = await t
    .collection('accounts')
    .doc('c')
    .update({ data: { v: 1 } })
    .catch((e: unknown) => e)
  expect(messageOf(err)).toMatch(/TransactionConflict/)
  expect(await value('c')).toBe(7)
})

test('a conflict found at commit answers DATABASE_TRANSACTION_CONFLICT and runTransaction retries', async () => {
  const _ = db.command
  await put('retry', 0)
  let attempts = 0
  const seen = await db.runTransaction(async (t: Txn) => {
    attempts++
    const current = Number((await t.collection('accounts').doc('retry').get()).data.v)
    await t
      .collection('accounts')
      .doc('retry')
      .update({ data: { v: current + 1 } })
    // A plain write lands between this transaction's write and its commit (first attempt only).
    if (attempts === 1)
      await accounts()
        .doc('retry')
        .update({ data: { v: _.inc(100) } })
    return current
  })
  expect(attempts).toBe(2)
  expect(seen).toBe(100)
  expect(await value('retry')).toBe(101)
})

test('20 parallel read-modify-write transactions lose no update', async () => {
  await put('counter', 0)
  const outcomes = await Promise.allSettled(
    Array.from({ length: 20 }, () =>
      db.runTransaction(async (t: Txn) => {
        const current = Number((await t.collection('accounts').doc('counter').get()).data.v)
        await t
          .collection('accounts')
          .doc('counter')
          .update({ data: { v: current + 1 } })
      }),
    ),
  )
  const succeeded = outcomes.filter((o) => o.status === 'fulfilled').length
  const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')
  expect(succeeded).toBeGreaterThanOrEqual(1)
  for (const f of failed) expect(messageOf(f.reason)).toMatch(/TransactionConflict/)
  expect(await value('counter')).toBe(succeeded)
})

test('only single-document operations are allowed inside a transaction', async () => {
  const t: Txn = await db.startTransaction()
  await expect(t.collection('accounts').where({ v: 1 }).get()).rejects.toMatchObject({ errCode: -501007 })
  const t2: Txn = await db.startTransaction()
  await expect(t2.collection('tx_log').add({ data: [{ a: 1 }, { a: 2 }] })).rejects.toMatchObject({
    errCode: -501007,
  })
  await t.rollback()
  await t2.rollback()
})

test('unique keys are checked at commit: the second of two transactions fails and changes nothing', async () => {
  const t1: Txn = await db.startTransaction()
  const t2: Txn = await db.startTransaction()
  await t1.collection('communities').add({ data: { _id: 'ct1', inviteCode: 'TXDUP' } })
  await t2.collection('communities').add({ data: { _id: 'ct2', inviteCode: 'TXDUP' } })
  await t2
    .collection('accounts')
    .doc('side')
    .set({ data: { v: 'side effect' } })
  await t1.commit()
  const err = await t2.commit().catch((e: unknown) => e)
  expect(err).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
  expect(messageOf(err)).toMatch(/E11000 duplicate key error .* index: inviteCode_unique/)
  expect(
    (await db.collection('communities').where({ inviteCode: 'TXDUP' }).get()).data.map((d) => d._id),
  ).toEqual(['ct1'])
  await expect(accounts().doc('side').get()).rejects.toMatchObject({ errCode: -1 })
})

test('an idle transaction is aborted and releases its documents', async () => {
  await put('idle', 0)
  const t: Txn = await db.startTransaction()
  await t
    .collection('accounts')
    .doc('idle')
    .update({ data: { v: 1 } })
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS + 600))
  const err = await t.commit().catch((e: unknown) => e)
  expect(err).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
  expect(messageOf(err)).toMatch(/TransactionNotExist/)
  expect(await value('idle')).toBe(0)
  await db.runTransaction(async (t2: Txn) => {
    await t2
      .collection('accounts')
      .doc('idle')
      .update({ data: { v: 2 } })
  })
  expect(await value('idle')).toBe(2)
})
