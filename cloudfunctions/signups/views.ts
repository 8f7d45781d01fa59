/** Reading an activity and its sign-ups, and their views for the pages. */
import type { ActivityInfo, MySignup, SignupRow } from '../core/contracts/signups'
import { ACTIVITY_KIND_NAMES, type ActivityDoc, type SignupDoc } from '../core/activities'
import { LEVEL_NAMES } from '../core/levels'
import { SIGNUP_STATE_NAMES } from '../core/signup'
import type { Database } from '../runtime/cloud'
import { getDocOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'

/** The activity, only within the caller's community (another community's id is not found). */
export async function loadActivity(
  db: Database,
  activityId: string,
  communityId: string,
): Promise<ActivityDoc> {
  const activity = await getDocOrNull<ActivityDoc>(db, 'activities', activityId)
  if (!activity || activity.communityId !== communityId) return fail('NOT_FOUND', '找不到这个活动')
  return activity
}

export const signupIdOf = (activityId: string, openid: string) => `${activityId}:${openid}`

const iso = (at: Date | string | null | undefined) => (at ? new Date(at).toISOString() : null)

export function activityInfo(a: ActivityDoc, ceiling: number): ActivityInfo {
  const levelNote =
    a.kind === 'offline'
      ? '仅限核心成员（线下活动）'
      : a.minLevel && a.minLevel !== 'newcomer'
        ? `${LEVEL_NAMES[a.minLevel]}及以上`
        : null
  return {
    id: a._id,
    kind: a.kind,
    kindName: ACTIVITY_KIND_NAMES[a.kind],
    size: a.size,
    title: a.title,
    coverFileId: a.coverFileId ?? null,
    description: a.description,
    startAt: iso(a.startAt)!,
    endAt: iso(a.endAt)!,
    place: a.place ?? null,
    link: a.link ?? null,
    capacity: a.capacity,
    signupDeadline: iso(a.signupDeadline)!,
    minLevel: a.minLevel,
    levelNote,
    points: Math.max(0, Math.min(a.points, ceiling)),
    stage: a.stage,
  }
}

export function mySignupView(s: SignupDoc, waitlistPosition: number | null): MySignup {
  return {
    state: s.state,
    stateName: SIGNUP_STATE_NAMES[s.state],
    waitlistPosition: s.state === 'waitlisted' ? waitlistPosition : null,
    subscribed: s.subscribed,
    createdAt: iso(s.createdAt)!,
    attendedAt: iso(s.attendedAt),
    pointsPaid: s.pointsPaid ?? null,
  }
}

export function signupRow(s: SignupDoc): SignupRow {
  return {
    seq: s.seq,
    nickname: s.nickname,
    memberId: s.memberId,
    state: s.state,
    stateName: s.attendedAt ? '已签到' : SIGNUP_STATE_NAMES[s.state],
    createdAt: iso(s.createdAt)!,
    promotedAt: iso(s.promotedAt),
    attendedAt: iso(s.attendedAt),
    pointsPaid: s.pointsPaid ?? null,
    subscribed: s.subscribed,
  }
}

/** 1-based place of a waitlisted sign-up: how many wait with an earlier or equal arrival. */
export async function waitlistPosition(db: Database, s: SignupDoc): Promise<number | null> {
  if (s.state !== 'waitlisted') return null
  const _ = db.command
  const res = (await db
    .collection('activity_signups')
    .where({ activityId: s.activityId, state: 'waitlisted', seq: _.lte(s.seq) })
    .count()) as { total: number }
  return res.total
}

export async function loadSignup(db: Database, activityId: string, openid: string) {
  return getDocOrNull<SignupDoc>(db, 'activity_signups', signupIdOf(activityId, openid))
}
