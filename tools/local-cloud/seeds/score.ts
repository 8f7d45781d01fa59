/**
 * Demo value scores. The weekly activity counters are derived from what the earlier seeds stored
 * (check-in days, notes and the likes on them, challenge joins and challenge days, the valued posts
 * and quality content the leaderboard seed paid through the ledger), plus a few
 * invites, featured notes and one or two rejected posts; last active dates come from the latest
 * check-in, and members who have done nothing for months form a silent group. Then the last four
 * weeks are scored with the same core rules as the weekly job (core/value-score), the members carry
 * last week's tier, and each week has its distribution doc — so 成员分层 and 我的活跃度 show a
 * community with history, without running the job at seed time.
 */
import { memberId } from '../../../cloudfunctions/core/community'
import { addWeeks, shanghaiDayStart, shanghaiWeekKey } from '../../../cloudfunctions/core/time'
import {
  emptyCounts,
  isSilent,
  memberWeekId,
  distributionId,
  scoreOf,
  type ActivityCounts,
} from '../../../cloudfunctions/core/value-score'
import { PERSONAS } from '../demo'
import type { SeedContext, SeedDatabase, SeedMember } from '../seed'

const DAY = 86_400_000
const SCORED_WEEKS = 4

/** A deterministic number in [0, 1) for a string (FNV-1a with a murmur finaliser). */
function chance(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296
}

/** Every doc matching `where`, a thousand at a time in _id order. */
async function readAll<T>(db: SeedDatabase, collection: string, where: object): Promise<T[]> {
  const out: (T & { _id: string })[] = []
  for (;;) {
    const after = out.length ? { ...where, _id: db.command.gt(out[out.length - 1]._id) } : where
    const res = (await db
      .collection(collection)
      .where(after)
      .orderBy('_id', 'asc')
      .limit(1000)
      .get()) as unknown as {
      data: (T & { _id: string })[]
    }
    out.push(...res.data)
    if (res.data.length < 1000) return out
  }
}

async function addAll(db: SeedDatabase, collection: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 500)
    await db.collection(collection).add({ data: docs.slice(i, i + 500) as unknown as object })
}

interface StoredCheckin {
  openid: string
  dayKey: string
  note: string
  likes: number
  createdAt: Date
}

interface StoredPost {
  openid: string
  rule: 'post' | 'quality'
  createdAt: Date
}

interface StoredPart {
  openid: string
  joinDay: string
  startDay: string
  endDay: string
  status: string
  completedAt: Date | null
}

const weekOfDay = (dayKey: string) => shanghaiWeekKey(shanghaiDayStart(dayKey))

export async function seedScore(ctx: SeedContext): Promise<string> {
  const { db, now } = ctx
  const thisWeek = shanghaiWeekKey(now)
  const firstWeek = addWeeks(thisWeek, -SCORED_WEEKS)
  const summaries: string[] = []
  for (const community of ctx.communities) {
    const cid = community.id
    const [checkins, parts, posts] = await Promise.all([
      readAll<StoredCheckin>(db, 'checkins', { communityId: cid }),
      readAll<StoredPart>(db, 'challenge_members', { communityId: cid }),
      // The valued posts (有效发言) and quality content (优质内容) the leaderboard seed paid.
      readAll<StoredPost>(db, 'ledger', { communityId: cid, rule: db.command.in(['post', 'quality']) }),
    ])
    const counts = new Map<string, ActivityCounts>()
    const countsOf = (openid: string, week: string) => {
      const key = memberWeekId(cid, openid, week)
      let c = counts.get(key)
      if (!c) counts.set(key, (c = emptyCounts()))
      return c
    }
    // Every member's activity times, for the last activity before any week's end.
    const activeAt = new Map<string, number[]>()
    const touch = (openid: string, at: number) => activeAt.set(openid, [...(activeAt.get(openid) ?? []), at])
    const partOf = new Map(parts.map((p) => [p.openid, p]))
    for (const c of checkins) {
      touch(c.openid, new Date(c.createdAt).getTime())
      const week = weekOfDay(c.dayKey)
      if (week < firstWeek) continue
      const n = countsOf(c.openid, week)
      n.checkinDays++
      if (c.note) n.notes++
      n.likesReceived += c.likes ?? 0
      const part = partOf.get(c.openid)
      if (part && c.dayKey >= part.joinDay && c.dayKey >= part.startDay && c.dayKey <= part.endDay)
        n.challengeDays++
    }
    for (const p of posts) {
      const at = new Date(p.createdAt)
      touch(p.openid, at.getTime())
      const week = shanghaiWeekKey(at)
      if (week < firstWeek) continue
      countsOf(p.openid, week).notes++
      if (p.rule === 'quality') countsOf(p.openid, week).featured++
    }
    for (const p of parts) {
      if (weekOfDay(p.joinDay) >= firstWeek) countsOf(p.openid, weekOfDay(p.joinDay)).challengeJoins++
      if (p.status === 'completed' && p.completedAt)
        countsOf(p.openid, shanghaiWeekKey(new Date(p.completedAt))).challengeCompletions++
    }
    // What the earlier seeds do not cover: a few invites that joined, notes an admin featured, and
    // a post or two rejected by the moderators.
    for (const [key, n] of counts) {
      if (!n.checkinDays) continue
      if (chance(`invite:${key}`) < 0.12) n.invitesJoined += chance(`invite2:${key}`) < 0.3 ? 2 : 1
      if (n.notes && chance(`featured:${key}`) < 0.1) n.featured++
      if (chance(`violation:${key}`) < 0.02) n.violations++
    }

    // Members with no check-in or post in the seeded months either faded a while ago or have been
    // silent since soon after joining; the dev-login personas are regulars, never silent.
    const personas = new Set<string>(PERSONAS.map((p) => p.openid))
    for (const m of community.members) {
      if (activeAt.has(m.openid)) continue
      const joined = m.joinedAt.getTime()
      const ageDays = (now.getTime() - joined) / DAY
      const r = chance(`last:${cid}:${m.openid}`)
      if (personas.has(m.openid)) touch(m.openid, Math.max(joined, now.getTime() - (20 + r * 10) * DAY))
      else if (ageDays > 95 && r < 0.7) touch(m.openid, joined + r * (ageDays - 95) * DAY)
      else touch(m.openid, Math.max(joined, now.getTime() - (32 + r * 50) * DAY))
    }
    const lastBefore = (openid: string, end: number): Date | null => {
      const times = (activeAt.get(openid) ?? []).filter((t) => t < end)
      return times.length ? new Date(Math.max(...times)) : null
    }

    await addAll(
      db,
      'member_activity',
      [...counts].map(([key, n]) => {
        const [, openid, weekKey] = key.split(':')
        return { _id: key, communityId: cid, openid, weekKey, ...n, updatedAt: now }
      }),
    )

    // Score the last four weeks; members carry the latest.
    const scores: object[] = []
    const latest = new Map<string, { tier: string; valueScore: number; silent: boolean }>()
    for (let w = SCORED_WEEKS; w >= 1; w--) {
      const week = addWeeks(thisWeek, -w)
      const weekEnd = shanghaiDayStart(addWeeks(week, 1))
      const groups = { core: 0, active: 0, normal: 0, watch: 0, silent: 0, total: 0 }
      for (const m of community.members as SeedMember[]) {
        if (m.joinedAt >= weekEnd) continue
        const inputs = counts.get(memberWeekId(cid, m.openid, week)) ?? emptyCounts()
        const score = scoreOf(inputs)
        const silent = isSilent(lastBefore(m.openid, weekEnd.getTime()), m.joinedAt, weekEnd)
        groups[score.tier]++
        if (silent) groups.silent++
        groups.total++
        scores.push({
          _id: memberWeekId(cid, m.openid, week),
          communityId: cid,
          openid: m.openid,
          weekKey: week,
          total: score.total,
          tier: score.tier,
          parts: score.parts,
          silent,
          inputs,
          computedAt: new Date(weekEnd.getTime() + 3600_000),
        })
        if (w === 1) latest.set(m.openid, { tier: score.tier, valueScore: score.total, silent })
      }
      await db
        .collection('score_distributions')
        .doc(distributionId(cid, week))
        .set({
          data: {
            communityId: cid,
            weekKey: week,
            ...groups,
            computedAt: new Date(weekEnd.getTime() + 3600_000),
          },
        })
      if (w === 1)
        summaries.push(
          `${community.name}: core ${groups.core}, active ${groups.active}, normal ${groups.normal}, watch ${groups.watch}, silent ${groups.silent} of ${groups.total}`,
        )
    }
    await addAll(db, 'value_scores', scores)
    const members = community.members
    for (let i = 0; i < members.length; i += 20)
      await Promise.all(
        members.slice(i, i + 20).map((m) =>
          db
            .collection('members')
            .doc(memberId(cid, m.openid))
            .update({
              data: { ...(latest.get(m.openid) ?? {}), lastActiveAt: lastBefore(m.openid, Infinity) },
            }),
        ),
      )
  }
  return `value scores for ${SCORED_WEEKS} weeks (${summaries.join('; ')})`
}
