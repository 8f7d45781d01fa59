/**
 * Demo leaderboards. In 晨光读书会 about two months of valued posts (有效发言 20 分, now and then 优质内容 50 分) over the
 * members with a long tail, written as ledger rows with the balances moved by their sum; then every
 * member's board fields are derived from what is stored: the week and month counters from their
 * earned ledger rows in time order (core/leaderboard countEarned, as runtime/ledger.ts keeps them),
 * the streak from their check-in stats, `ranked` from the community's setting (staff hidden here).
 * The opening "历史积分迁入" rows are points from before the product and belong to no week or month.
 * Last month's Top 3 is paid through ledger rows (source top3:<month>) and recorded in top3_results.
 */
import { memberId } from '../../../cloudfunctions/core/community'
import { checkinStatsId, type Run } from '../../../cloudfunctions/core/checkin'
import {
  countEarned,
  DEFAULT_RANK_SETTINGS,
  earnedInMonth,
  isRanked,
  monthName,
  streakFields,
  top3Month,
  top3Source,
  top3Winners,
  type PeriodCounters,
  type RankSettings,
} from '../../../cloudfunctions/core/leaderboard'
import { levelFor, levelRank, type Level } from '../../../cloudfunctions/core/levels'
import { ledgerId, ledgerReason } from '../../../cloudfunctions/core/points'
import {
  shanghaiDayKey,
  shanghaiDayStart,
  shanghaiMonthKey,
  shanghaiWeekKey,
} from '../../../cloudfunctions/core/time'
import type { SeedContext, SeedDatabase } from '../seed'
import { wentQuiet } from './score'

const DAY = 86_400_000
/** From the start of last month at the latest, so last month's Top 3 has a whole month behind it. */
const HISTORY_DAYS = 62
const TOPICS = ['读书笔记分享', '回答新人提问', '推荐了一本好书', '整理共读书单']

/** A deterministic number in [0, 1) for a string (FNV-1a, mixed), so every machine seeds the same boards. */
function chance(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  // Murmur3's finaliser: similar strings ('m-001:3', 'm-001:4') must not give similar numbers.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296
}

interface StoredMember {
  _id: string
  openid: string
  nickname: string
  role: Parameters<typeof isRanked>[0]
  balance: number
  totalEarned: number
  level: Level
}

async function getDoc<T>(db: SeedDatabase, collection: string, id: string): Promise<T | null> {
  const res = (await db.collection(collection).where({ _id: id }).get()) as unknown as { data: T[] }
  return res.data[0] ?? null
}

interface Row {
  source: string
  rule: string | null
  delta: number
  reason: string
  at: Date
}

/** Write `rows` for a member, moving balance and total by their sum (shaped as runtime/ledger.ts writes). */
async function writeRows(
  db: SeedDatabase,
  communityId: string,
  member: StoredMember,
  rows: Row[],
): Promise<void> {
  let balance = member.balance
  for (const row of rows) {
    balance += row.delta
    await db
      .collection('ledger')
      .doc(ledgerId(communityId, member.openid, row.source))
      .set({
        data: {
          communityId,
          openid: member.openid,
          kind: 'earn',
          delta: row.delta,
          earned: row.delta,
          reason: row.reason,
          source: row.source,
          rule: row.rule,
          by: null,
          balanceAfter: balance,
          dayKey: shanghaiDayKey(row.at),
          createdAt: row.at,
        },
      })
  }
  const sum = rows.reduce((a, r) => a + r.delta, 0)
  member.balance += sum
  member.totalEarned += sum
  // Promotion follows the total, as runtime/ledger.ts would have done along the way.
  const reached = levelFor(member.totalEarned)
  const promoted = levelRank(reached) > levelRank(member.level)
  if (promoted) member.level = reached
  await db
    .collection('members')
    .doc(member._id)
    .update({
      data: {
        balance: member.balance,
        totalEarned: member.totalEarned,
        ...(promoted ? { level: reached, levelSince: rows[rows.length - 1].at } : {}),
      },
    })
}

/** The board fields of one member, from their stored earned rows and check-in stats. */
async function boardFields(
  db: SeedDatabase,
  communityId: string,
  member: StoredMember,
  settings: RankSettings,
): Promise<PeriodCounters & { ranked: boolean; streak: number; streakDay: string | null }> {
  const res = (await db
    .collection('ledger')
    .where({ communityId, openid: member.openid })
    .orderBy('createdAt', 'asc')
    .limit(1000)
    .get()) as unknown as { data: { earned: number; source: string; createdAt: Date }[] }
  let counters: PeriodCounters = {
    weekKey: null,
    weekEarned: 0,
    monthKey: null,
    monthEarned: 0,
    prevMonthKey: null,
    prevMonthEarned: 0,
  }
  for (const row of res.data)
    if (row.earned > 0 && row.source !== 'seed-earned')
      counters = countEarned(counters, row.earned, new Date(row.createdAt))
  const stats = await getDoc<{ runs: Run[] }>(db, 'checkin_stats', checkinStatsId(communityId, member.openid))
  return {
    ...counters,
    ranked: isRanked(member.role, settings.hideStaff),
    ...streakFields(stats?.runs ?? []),
  }
}

export async function seedRank(ctx: SeedContext): Promise<string> {
  const { db, now } = ctx
  let rows = 0
  let winners = 0
  for (const [index, community] of ctx.communities.entries()) {
    // The demo community keeps its staff off the boards; the second shows everyone (the default).
    const settings: RankSettings = { ...DEFAULT_RANK_SETTINGS, hideStaff: index === 0 }
    await db
      .collection('rank_settings')
      .doc(community.id)
      .set({ data: { ...settings, updatedAt: new Date(now.getTime() - 30 * DAY), updatedBy: 'seed' } })
    const members: StoredMember[] = []
    for (const m of community.members) {
      const doc = await getDoc<StoredMember>(db, 'members', memberId(community.id, m.openid))
      if (doc) members.push(doc)
    }
    // Valued posts: each member has their own activity, a long tail (a few post most days); members
    // who went quiet months ago (seeds/score.ts) post nothing.
    const quiet = new Set(community.members.filter((m) => wentQuiet(m, now)).map((m) => m.openid))
    const weekStart = shanghaiDayStart(shanghaiWeekKey(now))
    if (index === 0)
      for (const member of members) {
        // The personas keep the history the points seed gave them (their levels and pages are set
        // up around it); 小雨 then sits below the top 50 of the total board, her own row pinned.
        if (!/-m-\d+$/.test(member.openid) || quiet.has(member.openid)) continue
        const activity = chance(member.openid) ** 2.5
        const planned: Row[] = []
        for (let d = HISTORY_DAYS; d >= 1; d--) {
          if (chance(`${member.openid}:${d}`) >= activity * 0.8) continue
          // Now and then an admin marks the post as quality content (优质内容, 50 分).
          const quality = chance(`${member.openid}!${d}`) < 0.12
          const topic = TOPICS[Math.floor(chance(`${member.openid}#${d}`) * TOPICS.length)]
          planned.push({
            source: `${quality ? 'quality' : 'post'}:seed-rank-${d}`,
            rule: quality ? 'quality' : 'post',
            delta: quality ? 50 : 20,
            reason: ledgerReason(quality ? 'quality' : 'post', topic),
            at: new Date(
              now.getTime() - d * DAY + Math.floor(chance(`${d}@${member.openid}`) * 10 * 3600_000),
            ),
          })
        }
        // This week so far, whatever the weekday (the rows above end a day ago, so on a Monday the
        // week board would otherwise be empty): regular posters have posted since Monday 00:00.
        if (chance(`${member.openid}:week`) < activity * 2) {
          const sinceMonday = now.getTime() - weekStart.getTime()
          planned.push({
            source: `post:seed-rank-week`,
            rule: 'post',
            delta: 20,
            reason: ledgerReason('post', TOPICS[0]),
            at: new Date(weekStart.getTime() + Math.floor(chance(`${member.openid}@week`) * sinceMonday)),
          })
        }
        planned.sort((a, b) => a.at.getTime() - b.at.getTime())
        if (planned.length) await writeRows(db, community.id, member, planned)
        rows += planned.length
      }

    // Last month's Top 3, paid as the job pays it, early on the 1st of this month.
    const month = top3Month(now)
    const paidAt = new Date(
      Math.min(shanghaiDayStart(`${shanghaiMonthKey(now)}-01`).getTime() + 3600_000, now.getTime()),
    )
    const candidates = []
    for (const member of members) {
      const fields = await boardFields(db, community.id, member, settings)
      if (fields.ranked) candidates.push({ member, value: earnedInMonth(fields, month) })
    }
    const won = top3Winners(candidates, settings.top3.points)
    for (const { candidate, rank, points } of won)
      await writeRows(db, community.id, candidate.member, [
        {
          source: top3Source(month),
          rule: null,
          delta: points,
          reason: `${monthName(month)}排行榜第 ${rank} 名`,
          at: paidAt,
        },
      ])
    await db
      .collection('top3_results')
      .doc(`${community.id}:${month}`)
      .set({
        data: {
          communityId: community.id,
          monthKey: month,
          status: 'paid',
          winners: won.map(({ candidate, rank, points }) => ({
            openid: candidate.member.openid,
            nickname: candidate.member.nickname,
            rank,
            value: candidate.value,
            points,
            paid: true,
            told: rank === 1,
          })),
          done: true,
          createdAt: paidAt,
        },
      })
    rows += won.length
    winners += won.length

    // Now the fields every board reads, from everything stored above.
    for (const member of members)
      await db
        .collection('members')
        .doc(member._id)
        .update({ data: await boardFields(db, community.id, member, settings) })
  }
  return `${rows} ledger rows for the leaderboards, ${winners} Top-3 winners of last month`
}
