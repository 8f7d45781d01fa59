/**
 * The demo seed's points history reads as a running balance: walked in the order 积分明细 lists it
 * (oldest first here), each row's balanceAfter is the one before plus its delta, never below zero,
 * and the last is the member's balance.
 */
import { memberId } from '../../cloudfunctions/core/community'
import { DEMO_COMMUNITY, PERSONAS } from '../../tools/local-cloud/demo'
import { databaseOf, sdkFor, startCloud, type RunningCloud, type SdkDatabase } from '../support/local-cloud'

jest.setTimeout(180_000)

let cloud: RunningCloud
let db: SdkDatabase

beforeAll(async () => {
  cloud = await startCloud({ seed: true })
  db = databaseOf(sdkFor(cloud))
}, 180_000)

afterAll(() => cloud?.stop())

interface Row {
  delta: number
  balanceAfter: number
  createdAt: Date
}

async function history(openid: string): Promise<Row[]> {
  const res = (await db
    .collection('ledger')
    .where({ communityId: DEMO_COMMUNITY._id, openid })
    .orderBy('createdAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(1000)
    .get()) as unknown as { data: Row[] }
  return res.data
}

const generated = ['demo-m-001', 'demo-m-002', 'demo-m-010', 'demo-m-050', 'demo-m-120']

test.each([...PERSONAS.map((p) => p.openid), ...generated])(
  "%s's ledger is a running balance over time",
  async (openid) => {
    const rows = await history(openid)
    expect(rows.length).toBeGreaterThan(0)
    let balance = 0
    const walked = rows.map((row) => {
      balance += row.delta
      return { at: new Date(row.createdAt).toISOString(), delta: row.delta, balanceAfter: balance }
    })
    expect(rows.map((row, i) => ({ ...walked[i], balanceAfter: row.balanceAfter }))).toEqual(walked)
    expect(walked.every((row) => row.balanceAfter >= 0)).toBe(true)
    const member = (await db
      .collection('members')
      .doc(memberId(DEMO_COMMUNITY._id, openid))
      .get()) as unknown as {
      data: { balance: number }
    }
    expect(member.data.balance).toBe(balance)
  },
)
