/**
 * `db.serverDate()` is the local cloud's clock, not the caller's: moving the clock moves every
 * server date written or queried. Runs the local cloud in-process so the test can set its clock.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud, type LocalCloud } from '../../tools/local-cloud/server'
import { type SdkDatabase, databaseOf, sdkFor } from '../support/local-cloud'

jest.setTimeout(60_000)

type Db = SdkDatabase

let cloud: LocalCloud
let db: Db

beforeAll(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qunhuo-server-date-'))
  fs.mkdirSync(path.join(tmp, 'functions'))
  cloud = await startLocalCloud({
    dataDir: path.join(tmp, 'data'),
    envId: 'date-env',
    functionsDir: path.join(tmp, 'functions'),
  })
  db = databaseOf(sdkFor(cloud))
  await db.createCollection('stamps')
})

afterAll(async () => {
  await cloud?.close()
})

test('serverDate in add, update and where follows the local clock, offset included', async () => {
  const _ = db.command
  cloud.clock.set('2030-01-01T00:00:00.000Z')
  await db
    .collection('stamps')
    .add({ data: { _id: 's1', at: db.serverDate(), due: db.serverDate({ offset: 3_600_000 }) } })
  const s1 = (await db.collection('stamps').doc('s1').get()).data as { at: Date; due: Date }
  expect(Math.abs(s1.at.getTime() - Date.parse('2030-01-01T00:00:00Z'))).toBeLessThan(5_000)
  expect(s1.due.getTime() - s1.at.getTime()).toBe(3_600_000)

  cloud.clock.set('2031-06-01T00:00:00.000Z')
  await db
    .collection('stamps')
    .doc('s1')
    .update({ data: { seen: db.serverDate() } })
  const seen = ((await db.collection('stamps').doc('s1').get()).data as { seen: Date }).seen
  expect(seen.getUTCFullYear()).toBe(2031)

  // "due before now" is judged by the server's clock, which is now past the due date.
  const overdue = await db
    .collection('stamps')
    .where({ due: _.lt(db.serverDate()) })
    .get()
  expect(overdue.data.map((d) => d._id)).toEqual(['s1'])
  cloud.clock.set('2029-01-01T00:00:00.000Z')
  const notYet = await db
    .collection('stamps')
    .where({ due: _.lt(db.serverDate()) })
    .get()
  expect(notYet.data).toEqual([])
  cloud.clock.set(null)
})
