/**
 * The database actions of the CloudBase API, as @cloudbase/database 1.4.3 sends them and reads the
 * answers (see docs/ARCHITECTURE.md for the list). Each handler returns the body without `requestId`;
 * the caller adds it. Handlers do all their checks and the commit without awaiting in between, so
 * one request's read-check-write cannot interleave with another's.
 */
import { randomBytes } from 'node:crypto'
import { aggregate } from './aggregate'
import { decode, dollarField, encodeDoc, isPlainObject, type Doc } from './codec'
import { collectionExists, dollarFieldName, duplicateKey, invalidParam, notServed } from './errors'
import { count, find, first, matching, project } from './query'
import { docKey, type Change, type EnvDatabase } from './store'
import type { Transactions } from './transactions'
import { applyUpdate, hasOperators, replacement, toUpdateExpression, upsertBase } from './update'

export const GET_DEFAULT_LIMIT = 100
export const GET_MAX_LIMIT = 1000

export interface ActionContext {
  env: EnvDatabase
  transactions: Transactions
  now: () => Date
}

type Body = Record<string, unknown>
type Result = Record<string, unknown>

// Real ids are 32 hex digits with the creation time (unix seconds) in digits 9-16.
const ID_PREFIX = randomBytes(4).toString('hex')
let idCounter = randomBytes(4).readUInt32BE()
export function newDocId(now: Date): string {
  idCounter = (idCounter + 1) >>> 0
  const seconds = Math.floor(now.getTime() / 1000)
  return (
    ID_PREFIX +
    seconds.toString(16).padStart(8, '0') +
    idCounter.toString(16).padStart(8, '0') +
    randomBytes(4).toString('hex')
  )
}

function collectionName(body: Body): string {
  const name = body.collectionName
  if (typeof name !== 'string' || !name) throw invalidParam('collectionName is required')
  return name
}

const flag = (value: unknown): boolean => value === true || value === 'true'

function clampLimit(value: unknown): number {
  const n = Math.floor(Number(value))
  if (!Number.isFinite(n) || n <= 0) return GET_DEFAULT_LIMIT
  return Math.min(n, GET_MAX_LIMIT)
}

function decodeOrder(value: unknown, now: () => Date): Record<string, 1 | -1> | undefined {
  const order = decode(value, now)
  if (!order) return undefined
  // Older SDKs sent [{ field, direction }].
  if (Array.isArray(order)) {
    return Object.fromEntries(order.map((o: Doc) => [o.field, o.direction === 'desc' ? -1 : 1]))
  }
  return Object.fromEntries(Object.entries(order as Doc).map(([k, v]) => [k, Number(v) < 0 ? -1 : 1]))
}

function decodeOptional(value: unknown, now: () => Date, what: string): Doc | undefined {
  const doc = decode(value, now)
  if (doc === undefined) return undefined
  if (!isPlainObject(doc)) throw invalidParam(`${what} must be an object`)
  return doc
}

function decodeObject(value: unknown, now: () => Date, what: string): Doc {
  const doc = decode(value, now)
  if (!isPlainObject(doc)) throw invalidParam(`${what} must be an object`)
  return doc
}

/** The `_id` of a single-document (`doc(id)`) request; transactions accept nothing else. */
function singleDocId(query: Doc | undefined): { found: true; id: unknown } | { found: false } {
  if (!query || Object.keys(query).length !== 1 || !('_id' in query)) return { found: false }
  const id = query._id
  if (isPlainObject(id) && hasOperators(id)) return { found: false }
  return { found: true, id }
}

function transactionTarget(body: Body, query: Doc | undefined): unknown {
  const target = singleDocId(query)
  if (body.queryType !== 'DOC' || !target.found) {
    throw invalidParam(
      'transactions support single-document operations only: doc().get/set/update/remove and add',
    )
  }
  return target.id
}

function newDocument(data: Doc, now: Date): Doc {
  const dollar = dollarField(data)
  if (dollar) throw dollarFieldName(dollar)
  if (data._id === undefined) return { _id: newDocId(now), ...data }
  const { _id, ...rest } = data
  return { _id, ...rest }
}

// ---- handlers ----

function getDocument(ctx: ActionContext, body: Body): Result {
  const name = collectionName(body)
  const query = decodeOptional(body.query, ctx.now, 'query')
  const projection = decodeOptional(body.projection, ctx.now, 'projection')
  if (body.transactionId) {
    const txn = ctx.transactions.use(String(body.transactionId))
    const id = transactionTarget(body, query)
    ctx.env.requireCollection(name)
    const doc = ctx.transactions.read(txn, name, docKey(id))
    const list = doc ? project([doc], query, projection) : []
    return { data: { list: list.map(encodeDoc), limit: 1, offset: 0 } }
  }
  const coll = ctx.env.requireCollection(name)
  const limit = clampLimit(body.limit)
  const offset = Math.max(0, Math.floor(Number(body.offset)) || 0)
  const docs = find(coll, { query, order: decodeOrder(body.order, ctx.now), offset, limit, projection })
  return { data: { list: docs.map(encodeDoc), limit, offset } }
}

function calculateDocument(ctx: ActionContext, body: Body): Result {
  const coll = ctx.env.requireCollection(collectionName(body))
  return { data: { total: count(coll, decodeOptional(body.query, ctx.now, 'query')) } }
}

async function insertDocument(ctx: ActionContext, body: Body): Promise<Result> {
  const name = collectionName(body)
  const items = Array.isArray(body.data) ? body.data : [body.data]
  if (items.length === 0) throw invalidParam('data must not be empty')
  const now = ctx.now()
  const docs = items.map((item) => newDocument(decodeObject(item, ctx.now, 'data'), now))
  if (body.transactionId) {
    const txn = ctx.transactions.use(String(body.transactionId))
    if (docs.length !== 1)
      throw invalidParam('transactions support single-document operations only: add one document')
    ctx.env.requireCollection(name)
    const doc = docs[0]
    const key = docKey(doc._id)
    if (ctx.transactions.read(txn, name, key)) {
      throw duplicateKey(ctx.env.env, name, '_id_', `{ _id: ${JSON.stringify(doc._id)} }`)
    }
    ctx.transactions.write(txn, name, key, doc._id, doc)
    return { data: { insertedIds: [doc._id] } }
  }
  ctx.env.requireCollection(name)
  const changes: Change[] = docs.map((doc) => ({
    coll: name,
    key: docKey(doc._id),
    id: doc._id,
    before: null,
    after: doc,
  }))
  ctx.env.checkUnique(changes)
  await ctx.env.commit(changes)
  return { data: { insertedIds: docs.map((d) => d._id) } }
}

/** The new document for one matched document, or null if unchanged. */
function modified(doc: Doc, data: Doc, merge: boolean): Doc | null {
  return merge ? applyUpdate(doc, toUpdateExpression(data)) : sameOrNull(doc, replacement(doc._id, data))
}

function sameOrNull(before: Doc, after: Doc): Doc | null {
  return encodeDoc(before) === encodeDoc(after) ? null : after
}

function upserted(query: Doc | undefined, data: Doc, merge: boolean, now: Date): Doc {
  const base = upsertBase(query)
  const id = base._id ?? newDocId(now)
  if (!merge) return replacement(id, data)
  const seed = { _id: id, ...base }
  return applyUpdate(seed, toUpdateExpression(data)) ?? seed
}

async function modifyDocument(ctx: ActionContext, body: Body): Promise<Result> {
  const name = collectionName(body)
  const query = decodeOptional(body.query, ctx.now, 'query')
  const data = decodeObject(body.data, ctx.now, 'data')
  const merge = body.merge === undefined ? true : flag(body.merge)
  const upsert = flag(body.upsert)
  if (body.transactionId) {
    const txn = ctx.transactions.use(String(body.transactionId))
    const id = transactionTarget(body, query)
    ctx.env.requireCollection(name)
    const key = docKey(id)
    const current = ctx.transactions.read(txn, name, key)
    if (!current) {
      if (!upsert) return { data: { updated: 0, matched: 0 } }
      const doc = upserted(query, data, merge, ctx.now())
      ctx.transactions.write(txn, name, key, id, doc)
      return { data: { updated: 0, matched: 0, upsert_id: id } }
    }
    const next = modified(current, data, merge)
    if (next) ctx.transactions.write(txn, name, key, id, next)
    // The service counts a matched document as updated even when the write changes nothing.
    return { data: { updated: 1, matched: 1 } }
  }
  const coll = ctx.env.requireCollection(name)
  const targets = flag(body.multi)
    ? [...matching(coll, query)]
    : [first(coll, query)].filter((d): d is Doc => !!d)
  const changes: Change[] = []
  for (const doc of targets) {
    const next = modified(doc, data, merge)
    if (next) changes.push({ coll: name, key: docKey(doc._id), id: doc._id, before: doc, after: next })
  }
  let upsertId: unknown
  if (targets.length === 0 && upsert) {
    const doc = upserted(query, data, merge, ctx.now())
    upsertId = doc._id
    changes.push({ coll: name, key: docKey(doc._id), id: doc._id, before: null, after: doc })
  }
  ctx.env.checkUnique(changes)
  if (changes.length) await ctx.env.commit(changes)
  // The service counts every matched document as updated, changed or not (Mongo's nModified would not).
  const updated = upsertId === undefined ? targets.length : 0
  const result: Doc = { updated, matched: targets.length }
  if (upsertId !== undefined) result.upsert_id = upsertId
  return { data: result }
}

async function modifyAndReturnDoc(ctx: ActionContext, body: Body): Promise<Result> {
  const coll = ctx.env.requireCollection(collectionName(body))
  const query = decodeOptional(body.query, ctx.now, 'query')
  const data = decodeObject(body.data, ctx.now, 'data')
  const doc = first(coll, query)
  if (!doc) return { data: { updated: 0, doc: null } }
  const next = applyUpdate(doc, toUpdateExpression(data))
  if (next) {
    const change = { coll: coll.name, key: docKey(doc._id), id: doc._id, before: doc, after: next }
    ctx.env.checkUnique([change])
    await ctx.env.commit([change])
  }
  return { data: { updated: 1, doc: encodeDoc(next ?? doc) } }
}

async function removeDocument(ctx: ActionContext, body: Body): Promise<Result> {
  const name = collectionName(body)
  const query = decodeOptional(body.query, ctx.now, 'query')
  if (body.transactionId) {
    const txn = ctx.transactions.use(String(body.transactionId))
    const id = transactionTarget(body, query)
    ctx.env.requireCollection(name)
    const key = docKey(id)
    if (!ctx.transactions.read(txn, name, key)) return { data: { deleted: 0 } }
    ctx.transactions.write(txn, name, key, id, null)
    return { data: { deleted: 1 } }
  }
  const coll = ctx.env.requireCollection(name)
  const targets = flag(body.multi)
    ? [...matching(coll, query)]
    : [first(coll, query)].filter((d): d is Doc => !!d)
  const changes = targets.map((doc) => ({
    coll: name,
    key: docKey(doc._id),
    id: doc._id,
    before: doc,
    after: null,
  }))
  if (changes.length) await ctx.env.commit(changes)
  return { data: { deleted: changes.length } }
}

function aggregateDocuments(ctx: ActionContext, body: Body): Result {
  const coll = ctx.env.requireCollection(collectionName(body))
  if (!Array.isArray(body.stages)) throw invalidParam('stages must be an array')
  const pipeline = (body.stages as Array<{ stageKey: string; stageValue: unknown }>).map((stage) => ({
    [stage.stageKey]: decode(stage.stageValue, ctx.now),
  }))
  return { data: { list: aggregate(ctx.env, coll, pipeline).map(encodeDoc) } }
}

async function addCollection(ctx: ActionContext, body: Body): Promise<Result> {
  const name = collectionName(body)
  if (ctx.env.collection(name)) throw collectionExists(name)
  await ctx.env.commit([], [name])
  return {}
}

async function commitTransaction(ctx: ActionContext, body: Body): Promise<Result> {
  await ctx.transactions.commit(String(body.transactionId))
  return {}
}

const HANDLERS: Record<string, (ctx: ActionContext, body: Body) => Result | Promise<Result>> = {
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.insertDocument': insertDocument,
  'database.modifyDocument': modifyDocument,
  'database.modifyAndReturnDoc': modifyAndReturnDoc,
  'database.removeDocument': removeDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.addCollection': addCollection,
  'database.startTransaction': (ctx) => ({ transactionId: ctx.transactions.start() }),
  'database.commitTransaction': commitTransaction,
  'database.abortTransaction': (ctx, body) => {
    ctx.transactions.abort(String(body.transactionId))
    return {}
  },
}

export function dispatch(ctx: ActionContext, body: Body): Result | Promise<Result> {
  const action = String(body.action)
  const handler = HANDLERS[action]
  if (!handler) throw notServed(action)
  return handler(ctx, body)
}
