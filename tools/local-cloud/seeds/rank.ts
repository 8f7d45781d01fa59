/**
 * Demo leaderboards. In 晨光读书会 about two months of valued posts (有效发言 20 分, now and then also marked
 * 精选: 优质内容 50 分) over the members with a long tail: real square posts (seeds/square.ts) and the
 * ledger rows square.post and square.feature would have written; `ranked` from the community's setting (staff hidden
 * here). Balances, the week and month counters and streaks follow from the stored rows
 * (seeds/context refreshDerived, core/derived); the opening "历史积分迁入" rows are points from before
 * the product and belong to no week or month.
 * Last month's Top 3 is paid through ledger rows (source top3:<month>) and recorded in top3_results.
 */
import { memberId } from '../../../cloudfunctions/core/community'
import { EMPTY_PERIODS, pointsFromLedger, type LedgerEntry } from '../../../cloudfunctions/core/derived'
import {
  DEFAULT_RANK_SETTINGS,
  earnedInMonth,
  isRanked,
  monthName,
  top3Month,
  top3Source,
  top3Winners,
  type RankSettings,
} from '../../../cloudfunctions/core/leaderboard'
import type { Level } from '../../../cloudfunctions/core/levels'
import {
  shanghaiDayStart,
  shanghaiMonthKey,
  shanghaiWeekKey,
  DAY_MS,
} from '../../../cloudfunctions/core/time'
import { readDerivedDocs } from '../../rebuild'
import { PERSONAS } from '../demo'
import { writeLedger, type SeedContext, type SeedDatabase, type SeedPosting } from './context'
import { wentQuiet } from './score'
// A deterministic number in [0, 1) for a string, so every machine seeds the same boards.
import { seedChance as chance, seedPostOf, writePosts } from './square'
import type { PostDoc } from '../../../cloudfunctions/square/records'

const DAY = DAY_MS
/** From the start of last month at the latest, so last month's Top 3 has a whole month behind it. */
const HISTORY_DAYS = 62
/** Who marks the seeded 精选 posts. */
const FEATURED_BY = PERSONAS.find((p) => p.role === 'admin')!.openid

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

/** Write `rows` for a member: the ledger's source rows (balances and levels follow in refreshDerived). */
async function writeRows(
  db: SeedDatabase,
  communityId: string,
  member: StoredMember,
  rows: Row[],
): Promise<void> {
  await writeLedger(
    db,
    rows.map((row) => ({ communityId, openid: member.openid, kind: 'earn' as const, ...row })),
  )
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
        const posts: PostDoc[] = []
        const planned: SeedPosting[] = []
        const postOn = (key: string, at: Date, featured: boolean) => {
          const { doc, postings } = seedPostOf({
            communityId: community.id,
            author: member,
            key,
            at,
            featuredBy: featured ? FEATURED_BY : null,
          })
          posts.push(doc)
          planned.push(...postings)
        }
        for (let d = HISTORY_DAYS; d >= 1; d--) {
          if (chance(`${member.openid}:${d}`) >= activity * 0.8) continue
          // Now and then an admin marks the post 精选 (优质内容, 50 分 on top of the post's 20).
          postOn(
            `seed-rank-${d}`,
            new Date(now.getTime() - d * DAY + Math.floor(chance(`${d}@${member.openid}`) * 10 * 3600_000)),
            chance(`${member.openid}!${d}`) < 0.12,
          )
        }
        // This week so far, whatever the weekday (the rows above end a day ago, so on a Monday the
        // week board would otherwise be empty): regular posters have posted since Monday 00:00.
        if (chance(`${member.openid}:week`) < activity * 2) {
          const sinceMonday = now.getTime() - weekStart.getTime()
          postOn(
            'seed-rank-week',
            new Date(weekStart.getTime() + Math.floor(chance(`${member.openid}@week`) * sinceMonday)),
            false,
          )
        }
        await writePosts(db, posts)
        if (planned.length) await writeLedger(db, planned)
        rows += planned.length
      }

    // Last month's Top 3, paid as the job pays it, early on the 1st of this month.
    const month = top3Month(now)
    const paidAt = new Date(
      Math.min(shanghaiDayStart(`${shanghaiMonthKey(now)}-01`).getTime() + 3600_000, now.getTime()),
    )
    // Each member's month counters as the ledger says (core/derived, the rebuild's own rules).
    const points = pointsFromLedger(
      ((await readDerivedDocs(db)).ledger as unknown as LedgerEntry[]).filter(
        (row) => row.communityId === community.id,
      ),
    )
    const candidates = []
    for (const member of members)
      if (isRanked(member.role, settings.hideStaff))
        candidates.push({ member, value: earnedInMonth(points.get(member._id) ?? EMPTY_PERIODS, month) })
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

    // Who is on the boards; their counters and streaks follow from the rows (refreshDerived).
    for (const member of members)
      await db
        .collection('members')
        .doc(member._id)
        .update({ data: { ranked: isRanked(member.role, settings.hideStaff) } })
  }
  return `${rows} ledger rows for the leaderboards, ${winners} Top-3 winners of last month`
}
