/**
 * What every feature seed builds on: the seed's database and members, and the one way a seed writes
 * points. Seeds write source rows only (ledger rows, check-ins, likes…); `refreshDerived` then
 * recomputes what the functions keep for speed (tools/rebuild.ts: balances, totals, the boards'
 * counters, streaks, member_activity), so nothing derived is shaped by hand.
 */
import { memberId } from '../../../cloudfunctions/core/community'
import { levelRank, levelReached, type DemotionFloor, type Level } from '../../../cloudfunctions/core/levels'
import { earnedPart, ledgerId, type LedgerKind } from '../../../cloudfunctions/core/points'
import type { Role } from '../../../cloudfunctions/core/roles'
import { shanghaiDayKey } from '../../../cloudfunctions/core/time'
import type { adminDatabase } from '../admin-sdk'
import { readDerivedDocs, rebuildDerived } from '../../rebuild'

export type SeedDatabase = ReturnType<typeof adminDatabase>

export interface SeedMember {
  openid: string
  nickname: string
  role: Role
  totalEarned: number
  spent: number
  joinedAt: Date
}

/** What each feature's seed (tools/local-cloud/seeds/<feature>.ts) gets to build on. */
export interface SeedContext {
  db: SeedDatabase
  now: Date
  communities: { id: string; name: string; members: SeedMember[] }[]
}

export async function inBatches<T>(
  items: T[],
  size: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work))
}

/** One change of a member's points, as its source saw it. */
export interface SeedPosting {
  communityId: string
  openid: string
  source: string
  kind: LedgerKind
  delta: number
  reason: string
  at: Date
  rule?: string | null
  by?: string | null
}

/**
 * Ledger rows shaped as runtime/ledger.ts writes them (id from the source, `earned` from the kind).
 * `balanceAfter` is threaded through each member's history in time order once every seed has run.
 */
export async function writeLedger(db: SeedDatabase, postings: SeedPosting[]): Promise<void> {
  await inBatches(postings, 40, async (p) => {
    await db
      .collection('ledger')
      .doc(ledgerId(p.communityId, p.openid, p.source))
      .set({
        data: {
          communityId: p.communityId,
          openid: p.openid,
          kind: p.kind,
          delta: p.delta,
          earned: earnedPart(p.kind, p.delta),
          reason: p.reason,
          source: p.source,
          rule: p.rule ?? null,
          by: p.by ?? null,
          balanceAfter: 0,
          dayKey: shanghaiDayKey(p.at),
          createdAt: p.at,
        },
      })
  })
}

interface LevelledMember {
  _id: string
  communityId: string
  openid: string
  level: Level
  totalEarned: number
  demotionFloor?: DemotionFloor | null
}

/**
 * Recompute the derived state from what the seeds stored so far, then raise each member to the level
 * their total reaches (promotion is immediate in the product): `levelSince` is when their history
 * crossed the threshold.
 */
export async function refreshDerived(ctx: SeedContext): Promise<void> {
  await rebuildDerived(ctx.db, { now: ctx.now })
  const docs = await readDerivedDocs(ctx.db)
  const earnings = new Map<string, { earned: number; at: number }[]>()
  for (const row of docs.ledger as unknown as {
    communityId: string
    openid: string
    earned: number
    createdAt: Date
  }[]) {
    if (!(row.earned > 0)) continue
    const key = memberId(row.communityId, row.openid)
    earnings.set(key, [
      ...(earnings.get(key) ?? []),
      { earned: row.earned, at: new Date(row.createdAt).getTime() },
    ])
  }
  const promotions: { id: string; level: Level; since: Date }[] = []
  for (const m of docs.members as unknown as LevelledMember[]) {
    const reached = levelReached(m.totalEarned, m.demotionFloor)
    if (levelRank(reached) <= levelRank(m.level)) continue
    let sum = 0
    let since = ctx.now
    for (const e of (earnings.get(m._id) ?? []).sort((a, b) => a.at - b.at)) {
      sum += e.earned
      if (levelReached(sum, m.demotionFloor) === reached) {
        since = new Date(e.at)
        break
      }
    }
    promotions.push({ id: m._id, level: reached, since })
  }
  await inBatches(promotions, 40, async (p) => {
    await ctx.db
      .collection('members')
      .doc(p.id)
      .update({ data: { level: p.level, levelSince: p.since } })
  })
}
