/**
 * Demo points: a recent ledger history for the demo personas (valued posts on the last days: real
 * square posts, seeds/square.ts, paid as square.post pays them; an
 * admin adjustment for 小雨 with its audit row), so a member opening 积分明细 sees Chinese reasons
 * and the admin's 操作记录 is not empty. The seed writes the rows; balances and levels follow from them
 * (seeds/context refreshDerived), so `npm run verify:ledger` finds nothing after seeding.
 */
import { memberId } from '../../../cloudfunctions/core/community'
import { levelFor, levelRank, LEVEL_NAMES, type Level } from '../../../cloudfunctions/core/levels'
import { adjustReason, earnedPart, type LedgerKind } from '../../../cloudfunctions/core/points'
import type { PostDoc } from '../../../cloudfunctions/square/records'
import { shanghaiDayStart, shanghaiWeekKey, DAY_MS } from '../../../cloudfunctions/core/time'
import { PERSONAS } from '../demo'
import { writeLedger, type SeedContext } from './context'
import { seedPostOf, writePosts } from './square'

const DAY = DAY_MS

interface Planned {
  source: string
  kind: LedgerKind
  delta: number
  reason: string
  at: Date
  by: string | null
  rule: string | null
}

export async function seedPoints(ctx: SeedContext): Promise<string> {
  const { db, now } = ctx
  const community = ctx.communities[0]
  const admin = PERSONAS.find((p) => p.role === 'admin')
  let rows = 0
  for (const persona of PERSONAS) {
    if (!community.members.some((m) => m.openid === persona.openid)) continue
    const planned: Planned[] = []
    const posts: PostDoc[] = []
    for (let d = 5; d >= 1; d--) {
      const { doc, postings } = seedPostOf({
        communityId: community.id,
        author: persona,
        key: `seed-${d}`,
        at: new Date(now.getTime() - d * DAY + 3 * 3600_000),
      })
      posts.push(doc)
      for (const p of postings) planned.push({ ...p, by: p.by ?? null, rule: p.rule ?? null })
    }
    if (persona.openid === 'demo-member' && admin)
      planned.push({
        source: 'adjust:seed-guest',
        kind: 'adjust',
        delta: 50,
        reason: adjustReason('读书分享会嘉宾'),
        rule: null,
        // Two hours ago, but within this week even early on a Monday (the week board shows her).
        at: new Date(
          Math.max(now.getTime() - 2 * 3600_000, shanghaiDayStart(shanghaiWeekKey(now)).getTime()),
        ),
        by: admin.openid,
      })
    const id = memberId(community.id, persona.openid)
    // Start from the member as the seeds before this one left it.
    const current = (await db.collection('members').doc(id).get()) as unknown as {
      data:
        | { balance: number; totalEarned: number; level: Level }
        | { balance: number; totalEarned: number; level: Level }[]
    }
    const doc = Array.isArray(current.data) ? current.data[0] : current.data
    const totalEarned = doc.totalEarned + planned.reduce((sum, p) => sum + earnedPart(p.kind, p.delta), 0)
    const fromLevel: Level = doc.level
    await writePosts(db, posts)
    await writeLedger(
      db,
      planned.map((p) => ({ communityId: community.id, openid: persona.openid, ...p })),
    )
    rows += planned.length
    const adjustment = planned.find((p) => p.kind === 'adjust')
    if (adjustment && admin)
      await db
        .collection('audit')
        .doc(`${community.id}:adjust:seed-guest`)
        .set({
          data: {
            communityId: community.id,
            kind: 'adjust',
            by: admin.openid,
            byNickname: admin.nickname,
            target: id,
            targetNickname: persona.nickname,
            amount: adjustment.delta,
            reason: '读书分享会嘉宾',
            requestId: 'seed-guest',
            createdAt: adjustment.at,
          },
        })
    // The level follows from the ledger (refreshDerived); the promotion's explanation is the seed's.
    const level = levelFor(totalEarned)
    if (levelRank(level) > levelRank(fromLevel))
      await db
        .collection('level_changes')
        .doc(`${id}:seed:level`)
        .set({
          data: {
            communityId: community.id,
            openid: persona.openid,
            from: fromLevel,
            to: level,
            kind: 'promote',
            reason: `累计获得 ${totalEarned} 分，升级为${LEVEL_NAMES[level]}`,
            seen: false,
            createdAt: now,
          },
        })
    await db
      .collection('members')
      .doc(id)
      .update({ data: { lastVisitAt: new Date(now.getTime() - DAY) } })
  }
  return `${rows} recent ledger rows for the demo personas`
}
