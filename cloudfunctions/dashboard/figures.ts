/**
 * One community's figures of one day (core/metrics DailyFigures), from count queries the schema's
 * indexes answer: never a scan of the members. Run just after the day ends (the nightly timer), so
 * "members whose lastActiveAt is at or after the day's start" are the day's active members.
 */
import { CHECKLIST_STEPS, checklistSource } from '../core/onboarding'
import { dayWindows, emptyFigures, type DailyFigures } from '../core/metrics'
import { ledgerId } from '../core/points'
import { CONTENT_CATEGORIES } from '../core/square'
import { addDays, shanghaiDayStart, shanghaiWeekKey, weekdayOf } from '../core/time'
import { TIERS } from '../core/value-score'
import type { FunnelStep } from '../core/contracts/dashboard'
import type { Database } from '../runtime/cloud'
import { findMany } from '../runtime/db'
import type { MemberDoc } from '../runtime/membership'

export interface Funnel {
  week: string
  joined: number
  checklist: number
  checkin: number
  post: number
  week2: number
}

export type StoredFigures = DailyFigures & { funnel?: Funnel | null; computedAt?: Date }

/** A collection another issue creates (the square's posts) counts 0 until it exists. */
async function count(db: Database, collection: string, where: Record<string, unknown>): Promise<number> {
  try {
    const { total } = (await db.collection(collection).where(where).count()) as { total: number }
    return total
  } catch (err) {
    if (/DATABASE_COLLECTION_NOT_EXIST|not exist/i.test(String((err as Error).message ?? err))) return 0
    throw err
  }
}

export async function dayFigures(
  db: Database,
  community: { _id: string; memberCount: number },
  day: string,
  groupIds: string[],
): Promise<StoredFigures> {
  const _ = db.command
  const cid = community._id
  const w = dayWindows(day)
  const inDay = _.gte(w.start).and(_.lt(w.end))
  const activeToday = { communityId: cid, lastActiveAt: _.gte(w.start) }
  const cohort = async (c: ReturnType<typeof dayWindows>['cohort7']) => {
    if (!c) return null
    const joined = { communityId: cid, joinedAt: _.gte(c.joinedFrom).and(_.lt(c.joinedTo)) }
    const [size, retained] = await Promise.all([
      count(db, 'members', joined),
      count(db, 'members', { ...joined, lastActiveAt: _.gte(c.activeFrom) }),
    ])
    return { week: c.week, size, retained }
  }
  const counts = await Promise.all([
    count(db, 'members', { communityId: cid, joinedAt: inDay }),
    count(db, 'members', { communityId: cid, status: 'left', endedAt: inDay }),
    count(db, 'members', { communityId: cid, status: 'removed', endedAt: inDay }),
    count(db, 'members', activeToday),
    count(db, 'members', { communityId: cid, lastActiveAt: _.gte(w.since30) }),
    count(db, 'checkins', { communityId: cid, dayKey: day, madeUp: _.neq(true) }),
    count(db, 'posts', { communityId: cid, day }),
    count(db, 'post_replies', { communityId: cid, day }),
    count(db, 'members', { communityId: cid, lastPostAt: _.gte(w.start) }),
    count(db, 'members', { communityId: cid, lastPostAt: _.gte(w.since30) }),
    count(db, 'survey_responses', { communityId: cid, createdAt: inDay }),
    count(db, 'mall_orders', { communityId: cid, createdAt: inDay }),
    count(db, 'activity_signups', { communityId: cid, createdAt: inDay }),
    count(db, 'activity_signups', { communityId: cid, attendedAt: inDay }),
    count(db, 'members', { communityId: cid, joinedAt: _.lt(w.since30) }),
    count(db, 'members', { communityId: cid, lastActiveAt: _.gte(w.since30), joinedAt: _.lt(w.since30) }),
    count(db, 'members', { ...activeToday, joinedAt: _.gte(w.since30) }),
  ])
  const [joined, left, removed, dau, mau, checkins, posts, replies, posters, posters30] = counts
  const [surveyCompletions, redemptions, signups, attendance, base30, retained30, dauNew] = counts.slice(10)
  const [mix, byTier, byGroup, cohort7, cohort30] = await Promise.all([
    Promise.all(
      CONTENT_CATEGORIES.map((category) => count(db, 'posts', { communityId: cid, day, category })),
    ),
    Promise.all(TIERS.map((tier) => count(db, 'members', { ...activeToday, tier }))),
    Promise.all(groupIds.map((groupId) => count(db, 'members', { ...activeToday, groupId }))),
    cohort(w.cohort7),
    cohort(w.cohort30),
  ])
  return {
    ...emptyFigures(cid, day),
    members: community.memberCount ?? 0,
    joined,
    left,
    removed,
    dau,
    mau,
    checkins,
    posts,
    replies,
    posters,
    posters30,
    surveyCompletions,
    redemptions,
    signups,
    attendance,
    mix: Object.fromEntries(CONTENT_CATEGORIES.map((c, i) => [c, mix[i]])) as DailyFigures['mix'],
    base30,
    retained30,
    dauNew,
    dauByTier: Object.fromEntries(TIERS.map((t, i) => [t, byTier[i]])) as DailyFigures['dauByTier'],
    dauByGroup: Object.fromEntries(groupIds.map((g, i) => [g, byGroup[i]])),
    cohort7,
    cohort30,
    funnel: await newestFunnel(db, cid, day),
  }
}

/** The newest join week whose second week is over by the end of `day`. */
export function funnelWeek(day: string): string {
  const monday = shanghaiWeekKey(shanghaiDayStart(day))
  return addDays(monday, weekdayOf(day) === 0 ? -7 : -14)
}

const FUNNEL_PAGE = 1000

/**
 * The newest cohort's funnel: joined → checklist done → first check-in → first post → week-2 active.
 * Reads the cohort's own rows only (one week of joiners), by id where it can.
 */
export async function newestFunnel(db: Database, cid: string, day: string): Promise<Funnel> {
  const _ = db.command
  const week = funnelWeek(day)
  const from = shanghaiDayStart(week)
  const to = shanghaiDayStart(addDays(week, 7))
  const funnel: Funnel = { week, joined: 0, checklist: 0, checkin: 0, post: 0, week2: 0 }
  type Row = Pick<MemberDoc, '_id' | 'openid' | 'checkinState'> & { lastActiveAt?: Date; lastPostAt?: Date }
  for (let offset = 0; ; offset += FUNNEL_PAGE) {
    const rows = await findMany<Row>(
      db
        .collection('members')
        .where({ communityId: cid, joinedAt: _.gte(from).and(_.lt(to)) })
        .field({ openid: true, lastActiveAt: true, lastPostAt: true, 'checkinState.total': true })
        .orderBy('joinedAt', 'asc')
        .skip(offset)
        .limit(FUNNEL_PAGE),
    )
    if (!rows.length) break
    funnel.joined += rows.length
    funnel.post += rows.filter((r) => r.lastPostAt).length
    funnel.week2 += rows.filter((r) => r.lastActiveAt && new Date(r.lastActiveAt) >= to).length
    // Checked in at least once: the member's check-in state counts their days (absent: none).
    funnel.checkin += rows.filter((r) => (r.checkinState?.total ?? 0) > 0).length
    const stepIds = rows.flatMap((r) =>
      CHECKLIST_STEPS.map((s) => ledgerId(cid, r.openid, checklistSource(s))),
    )
    const steps = await idsPresent(db, 'ledger', stepIds)
    funnel.checklist += rows.filter((r) =>
      CHECKLIST_STEPS.every((s) => steps.has(ledgerId(cid, r.openid, checklistSource(s)))),
    ).length
    if (rows.length < FUNNEL_PAGE) break
  }
  return funnel
}

async function idsPresent(db: Database, collection: string, ids: string[]): Promise<Set<string>> {
  const _ = db.command
  const found = new Set<string>()
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await findMany<{ _id: string }>(
      db
        .collection(collection)
        .where({ _id: _.in(ids.slice(i, i + 1000)) })
        .field({ _id: true })
        .limit(1000),
    )
    for (const r of rows) found.add(r._id)
  }
  return found
}

const STEP_NAMES: Record<FunnelStep['key'], string> = {
  joined: '加入',
  checklist: '完成新人任务',
  checkin: '首次打卡',
  post: '首次发帖',
  week2: '第 2 周仍活跃',
}

export function funnelSteps(f: Funnel | null | undefined): FunnelStep[] {
  const keys: FunnelStep['key'][] = ['joined', 'checklist', 'checkin', 'post', 'week2']
  return keys.map((key) => {
    const n = f ? f[key] : 0
    return {
      key,
      name: STEP_NAMES[key],
      count: n,
      percent: f?.joined ? Math.round((n / f.joined) * 1000) / 10 : 0,
    }
  })
}
