/**
 * Demo value scores for a community that looks healthy (SPEC: core 5–8 %, active 15–20 %, normal
 * 60–70 %, silent 10–15 %). First the everyday middle of 晨光读书会 is added as real docs: members the
 * check-in seed left out check in a few days a week, write notes that others like (like docs), some
 * joined the running challenge, and an admin featured a few challenge diaries (精选, shaped as
 * checkin.feature writes it, paid through ledger rows). Long-standing members who went quiet (wentQuiet:
 * the check-in and leaderboard seeds leave them out) form the silent group. Then the weekly counters are
 * derived from what is stored (check-in days, notes and their likes, featured notes, challenge joins and
 * days, the valued posts and 优质内容 the leaderboard seed paid), plus a few invites and rejected posts the
 * seeds do not model; last active dates come from the latest event. The last four weeks are scored with
 * the same core rules as the weekly job (core/value-score), the members carry last week's tier, and each
 * week has its distribution doc (printed in the summary).
 */
import { challengeProgress, checkinId, challengeMemberId, likeId } from '../../../cloudfunctions/core/checkin'
import { memberId } from '../../../cloudfunctions/core/community'
import { featuredSource } from '../../../cloudfunctions/core/featured'
import { ledgerReason } from '../../../cloudfunctions/core/points'
import {
  addDays,
  addWeeks,
  shanghaiDayKey,
  shanghaiDayStart,
  shanghaiWeekKey,
  DAY_MS,
} from '../../../cloudfunctions/core/time'
import {
  countsOf,
  emptyCounts,
  isSilent,
  memberWeekId,
  distributionId,
  scoreOf,
  type ActivityCounts,
} from '../../../cloudfunctions/core/value-score'
import { DEMO_COMMUNITY, PERSONAS } from '../demo'
import {
  inBatches,
  refreshDerived,
  writeLedger,
  type SeedContext,
  type SeedDatabase,
  type SeedMember,
} from './context'

const DAY = DAY_MS
const SCORED_WEEKS = 4
/** Members who joined at least this long ago may have gone quiet (silent is 90 days, plus a margin). */
const QUIET_AFTER_DAYS = 100
/** Notes an admin featured last week (the best-liked, one per author). */
const FEATURED_LAST_WEEK = 15

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

/**
 * Long-standing members who went quiet: joined 100+ days ago, stopped after their first weeks and
 * have done nothing since (the community's silent group, SPEC 10–15 %). The check-in and leaderboard
 * seeds leave them out, so their silence is what the stored events say. Personas never go quiet.
 */
export function wentQuiet(member: Pick<SeedMember, 'openid' | 'joinedAt'>, now: Date): boolean {
  if (!/-m-\d+$/.test(member.openid)) return false
  const ageDays = (now.getTime() - member.joinedAt.getTime()) / DAY
  return ageDays >= QUIET_AFTER_DAYS && chance(`quiet:${member.openid}`) < 0.75
}

interface StoredCheckin {
  openid: string
  dayKey: string
  note: string
  likes: number
  createdAt: Date
  featured?: { at: Date } | null
}

interface StoredPost {
  openid: string
  rule: 'post' | 'quality'
  source: string
  createdAt: Date
}

const weekOfDay = (dayKey: string) => shanghaiWeekKey(shanghaiDayStart(dayKey))

/** Notes of the members who check in now and then (the check-in seed's notes are about the same). */
const CASUAL_NOTES = [
  '午休时读了二十页《额尔古纳河右岸》，文字真美。',
  '这周忙，今天终于翻开书了。',
  '读《认知觉醒》，关于专注的那一章很受用。',
  '和大家一起读书，拖延症好了一点。',
  '睡前读了几页诗集，晚安。',
  '摘抄：凡是过往，皆为序章。',
]

interface CasualPlan {
  openid: string
  nickname: string
  days: string[]
  notes: Map<string, string>
}

/**
 * The community's everyday middle: members the check-in seed left out (neither quiet nor personas)
 * check in a few days a week for the last three weeks, write a note now and then that others like,
 * and some of them joined the running 21-day challenge on its first day; then an admin featured a few
 * of last week's best-liked notes (精选), shaped as checkin.feature writes them and paid through
 * ledger rows. Check-ins pay nothing here, as in the check-in seed. Real docs, so the counters below
 * are derived from them like everyone else's.
 */
async function seedEverydayMembers(ctx: SeedContext, cid: string, members: SeedMember[]): Promise<string> {
  const { db, now } = ctx
  const today = shanghaiDayKey(now)
  const from = addDays(today, -21)
  const existing = await readAll<{ openid: string }>(db, 'checkins', { communityId: cid })
  const checkedIn = new Set(existing.map((c) => c.openid))
  const plans: CasualPlan[] = []
  for (const m of members) {
    if (!/-m-\d+$/.test(m.openid) || checkedIn.has(m.openid) || wentQuiet(m, now)) continue
    // A few days a week (3 to 5), each member their own habit; never before joining, never today.
    const habit = 0.5 + 0.3 * chance(`habit:${m.openid}`)
    const joined = shanghaiDayKey(m.joinedAt)
    const days: string[] = []
    const notes = new Map<string, string>()
    for (let day = from; day < today; day = addDays(day, 1)) {
      if (day < joined || chance(`day:${m.openid}:${day}`) >= habit) continue
      days.push(day)
      if (chance(`note:${m.openid}:${day}`) < 0.5)
        notes.set(day, CASUAL_NOTES[Math.floor(chance(`text:${m.openid}:${day}`) * CASUAL_NOTES.length)])
    }
    if (days.length) plans.push({ openid: m.openid, nickname: m.nickname, days, notes })
  }
  // Likes on their notes come from anyone active in the community.
  const fans = [...new Set([...checkedIn, ...plans.map((p) => p.openid)])].sort()
  let likes = 0
  const checkins: object[] = []
  const likeDocs: object[] = []
  for (const p of plans)
    for (const day of p.days) {
      const id = checkinId(cid, p.openid, day)
      const note = p.notes.get(day) ?? ''
      const at = new Date(shanghaiDayStart(day).getTime() + (7 + chance(`at:${id}`) * 15) * 3600_000)
      const likers = new Set<string>()
      if (note)
        for (let i = 0; i < Math.floor(chance(`likes:${id}`) * 3); i++) {
          const fan = fans[Math.floor(chance(`fan:${id}:${i}`) * fans.length)]
          if (fan !== p.openid) likers.add(fan)
        }
      likes += likers.size
      for (const fan of likers)
        likeDocs.push({
          _id: likeId(id, fan),
          communityId: cid,
          checkinId: id,
          openid: fan,
          createdAt: new Date(at.getTime() + 3600_000),
        })
      checkins.push({
        _id: id,
        communityId: cid,
        openid: p.openid,
        nickname: p.nickname,
        dayKey: day,
        madeUp: false,
        note,
        noteStatus: note ? 'visible' : 'none',
        photos: [],
        likes: likers.size,
        points: 0,
        createdAt: at,
      })
    }
  await addAll(db, 'checkins', checkins)
  await addAll(db, 'checkin_likes', likeDocs)
  // They read the feed too: last week's notes nobody had liked much get a like or two from them.
  const lastWeek = addWeeks(shanghaiWeekKey(now), -1)
  const quietNotes = (
    await readAll<StoredCheckin & { _id: string }>(db, 'checkins', {
      communityId: cid,
      noteStatus: 'visible',
    })
  ).filter((c) => weekOfDay(c.dayKey) === lastWeek && c.likes < 2)
  const readers = plans.map((p) => p.openid)
  for (const c of quietNotes) {
    const likers = new Set<string>()
    for (let i = 0; i < 1 + Math.floor(chance(`more:${c._id}`) * 2); i++) {
      const fan = readers[Math.floor(chance(`reader:${c._id}:${i}`) * readers.length)]
      const id = likeId(c._id, fan)
      if (fan === c.openid || likers.has(fan)) continue
      const existing = await db.collection('checkin_likes').where({ _id: id }).count()
      if ((existing as { total: number }).total) continue
      likers.add(fan)
      await db
        .collection('checkin_likes')
        .doc(id)
        .set({
          data: {
            communityId: cid,
            checkinId: c._id,
            openid: fan,
            createdAt: new Date(new Date(c.createdAt).getTime() + 2 * 3600_000),
          },
        })
    }
    if (likers.size)
      await db
        .collection('checkins')
        .doc(c._id)
        .update({ data: { likes: c.likes + likers.size } })
    likes += likers.size
  }

  // The running challenge (the check-in seed's): some joined on its first day.
  const challenge = (
    await readAll<{ _id: string; startDay: string; endDay: string }>(db, 'challenges', {
      communityId: cid,
    })
  )[0]
  const joiners = new Set<string>()
  const parts: object[] = []
  if (challenge)
    for (const p of plans) {
      const m = members.find((x) => x.openid === p.openid)!
      if (shanghaiDayKey(m.joinedAt) > challenge.startDay || chance(`join:${p.openid}`) >= 0.15) continue
      joiners.add(p.openid)
      const counted = p.days.filter((d) => d >= challenge.startDay && d <= challenge.endDay)
      const full = challenge as unknown as { title: string; days: number; reward: number }
      parts.push({
        _id: challengeMemberId(challenge._id, p.openid),
        communityId: cid,
        challengeId: challenge._id,
        openid: p.openid,
        joinDay: challenge.startDay,
        joinedAt: shanghaiDayStart(challenge.startDay),
        progress: challengeProgress(p.days, challenge, challenge.startDay),
        status: 'active',
        lastDay: counted.length ? counted[counted.length - 1] : null,
        completedAt: null,
        title: full.title,
        days: full.days,
        startDay: challenge.startDay,
        endDay: challenge.endDay,
        reward: full.reward,
      })
    }
  await addAll(db, 'challenge_members', parts)
  // Which challenge a new day may still advance (the rest of the member's check-in state follows
  // from the check-ins in refreshDerived).
  if (challenge)
    await inBatches([...joiners], 20, async (openid: string) => {
      await db
        .collection('members')
        .doc(memberId(cid, openid))
        .update({ data: { 'checkinState.activeChallenges': [challenge._id] } })
    })
  const featured = await featureBestNotes(ctx, cid)
  return `${plans.length} everyday members: ${checkins.length} check-ins, ${likes} likes, ${joiners.size} challenge joins, ${featured} featured notes`
}

/**
 * 周宁 (the demo admin) featured last week's best-liked challenge diaries: the note marked, its author paid from
 * the 'quality' rule (50) through a ledger row with the action's source, balances moved by it.
 */
async function featureBestNotes(ctx: SeedContext, cid: string): Promise<number> {
  const { db, now } = ctx
  // The dev-login personas' points are fixed fixtures (tests and the demo rely on them): never theirs.
  const personas = new Set<string>(PERSONAS.map((p) => p.openid))
  const lastWeek = addWeeks(shanghaiWeekKey(now), -1)
  let notes = (
    await readAll<StoredCheckin & { _id: string; noteStatus: string }>(db, 'checkins', {
      communityId: cid,
      noteStatus: 'visible',
    })
  ).filter((c) => weekOfDay(c.dayKey) === lastWeek && !personas.has(c.openid) && c.likes >= 2)
  // The 21-day challenge's diaries, best-liked first, one per author.
  const inChallenge = new Set(
    (await readAll<{ openid: string }>(db, 'challenge_members', { communityId: cid })).map((p) => p.openid),
  )
  // Recognition is spread around: not to authors whose posts were already 优质内容 that week.
  const recognised = new Set(
    (await readAll<StoredPost>(db, 'ledger', { communityId: cid, rule: 'quality' }))
      .filter((row) => shanghaiWeekKey(new Date(row.createdAt)) === lastWeek)
      .map((row) => row.openid),
  )
  notes = notes.filter((c) => inChallenge.has(c.openid) && !recognised.has(c.openid))
  notes.sort((a, b) => b.likes - a.likes || chance(`feature:${a._id}`) - chance(`feature:${b._id}`))
  const authors = new Set<string>()
  const chosen = notes
    .filter((c) => !authors.has(c.openid) && !!authors.add(c.openid))
    .slice(0, FEATURED_LAST_WEEK)
  const points = 50
  for (const c of chosen) {
    const at = new Date(new Date(c.createdAt).getTime() + 5 * 3600_000)
    await writeLedger(db, [
      {
        communityId: cid,
        openid: c.openid,
        source: featuredSource(c.dayKey),
        kind: 'earn',
        delta: points,
        reason: ledgerReason('quality', `${c.dayKey} 的打卡日记被设为精选`),
        rule: 'quality',
        by: 'demo-admin',
        at,
      },
    ])
    await db
      .collection('checkins')
      .doc(c._id)
      .update({ data: { featured: { by: 'demo-admin', at, points } } })
  }
  return chosen.length
}

export async function seedScore(ctx: SeedContext): Promise<string> {
  const { db, now } = ctx
  const thisWeek = shanghaiWeekKey(now)
  const summaries: string[] = []
  for (const community of ctx.communities) {
    const cid = community.id
    if (cid === DEMO_COMMUNITY._id) summaries.push(await seedEverydayMembers(ctx, cid, community.members))
    const [checkins, posts] = await Promise.all([
      readAll<StoredCheckin>(db, 'checkins', { communityId: cid }),
      // The valued posts (有效发言) and quality content (优质内容) the leaderboard seed paid.
      readAll<StoredPost>(db, 'ledger', { communityId: cid, rule: db.command.in(['post', 'quality']) }),
    ])
    // The weekly counters follow from what is stored, by the rebuild's rules (core/derived).
    await refreshDerived(ctx)
    const counts = new Map<string, ActivityCounts>(
      (
        await readAll<{ _id: string } & Partial<ActivityCounts>>(db, 'member_activity', { communityId: cid })
      ).map((doc) => [doc._id, countsOf(doc)]),
    )
    // Every member's activity times, for the last activity before any week's end.
    const activeAt = new Map<string, number[]>()
    const touch = (openid: string, at: number) => activeAt.set(openid, [...(activeAt.get(openid) ?? []), at])
    for (const c of checkins) touch(c.openid, new Date(c.createdAt).getTime())
    for (const p of posts) touch(p.openid, new Date(p.createdAt).getTime())

    // Members with no check-in or post in the seeded months: the ones who went quiet stopped in their
    // first weeks (more than 90 days ago: the silent group); the others last did something before the
    // seeded history began; the dev-login personas are regulars, never silent.
    const personas = new Set<string>(PERSONAS.map((p) => p.openid))
    for (const m of community.members) {
      if (activeAt.has(m.openid)) continue
      const joined = m.joinedAt.getTime()
      const r = chance(`last:${cid}:${m.openid}`)
      if (personas.has(m.openid)) touch(m.openid, Math.max(joined, now.getTime() - (20 + r * 10) * DAY))
      else if (wentQuiet(m, now)) touch(m.openid, joined + (2 + r * 7) * DAY)
      else touch(m.openid, Math.max(joined, now.getTime() - (32 + r * 28) * DAY))
    }
    const lastBefore = (openid: string, end: number): Date | null => {
      const times = (activeAt.get(openid) ?? []).filter((t) => t < end)
      return times.length ? new Date(Math.max(...times)) : null
    }

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
      if (w === 1) {
        const share = (n: number) => `${n} (${Math.round((n / groups.total) * 1000) / 10}%)`
        summaries.push(
          `${community.name} last week: core ${share(groups.core)}, active ${share(groups.active)}, normal ${share(groups.normal)}, watch ${share(groups.watch)}, silent ${share(groups.silent)} of ${groups.total}`,
        )
      }
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
