/**
 * The member's side: the detail page, signing up, cancelling, their sign-ups, and checking in.
 *
 * Why capacity and the waitlist hold under any number of parallel sign-ups and cancellations: every
 * change of a sign-up's state also writes the activity document (its counters and `signupSeq`) in
 * the same transaction, and two transactions that write one document cannot both commit (snapshot
 * isolation, retried by runtime/db.inTransaction). So the changes of one activity are serialised:
 * each one saw the counts the previous left. A place is given only while confirmedCount < capacity;
 * a cancelled place goes to the lowest `seq` still waitlisted (re-read in the transaction, so it is
 * promoted once), and a sign-up has one document, so nobody is both confirmed and waitlisted.
 */
import type {
  ActivityDetail,
  AttendResult,
  CancelResult,
  MySignupRow,
  SignUpResult,
} from '../core/contracts/signups'
import { signupsInputs } from '../core/contracts/signups'
import type { ActivityDoc, SignupDoc } from '../core/activities'
import { ledgerReason } from '../core/points'
import { payableReward } from '../core/rewards'
import { accessFor } from '../core/rights'
import { EVERY_MEMBER, roleAllows } from '../core/roles'
import {
  acceptedWindows,
  arrivalState,
  attendRefusal,
  cancelConsequence,
  cancelRefusal,
  SIGNUP_STATE_NAMES,
  signupRefusal,
} from '../core/signup'
import { shanghaiDateTimeText } from '../core/time'
import { recordActivity } from '../runtime/activity'
import { findMany, inTransaction, txGetOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import { memberAction } from '../runtime/handler'
import { loadPointRules, postToDraft, type PointsMember } from '../runtime/ledger'
import { draftMember } from '../runtime/member-write'
import { sendSubscribeMessage } from '../runtime/notify'
import { loadRewardCeilings } from '../runtime/rewards'
import { codeFor, secretOf } from './code'
import { activityInfo, loadActivity, loadSignup, mySignupView, signupIdOf, waitlistPosition } from './views'

/**
 * Every arrival and cancellation writes the activity, so a burst (500 taps when sign-up opens) queues
 * on it: it gets more conflict retries than the default (runtime/db). The function's 20-s timeout
 * still bounds a call.
 */
const HOT_ACTIVITY = { attempts: 100 }

const isActive = (s: SignupDoc | null): s is SignupDoc => !!s && s.state !== 'cancelled'

export const detail = memberAction({
  input: signupsInputs.detail,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<ActivityDetail> {
    const { db, membership, now } = ctx
    const communityId = membership.community._id
    const isStaff = roleAllows(accessFor('activities'), membership.member.role)
    const [activity, signup, ceilings] = await Promise.all([
      loadActivity(db, input.activityId, communityId),
      loadSignup(db, input.activityId, ctx.caller.openid),
      loadRewardCeilings(db, communityId),
    ])
    // A draft is the staff's until it is published.
    if (activity.stage === 'draft' && !isStaff) return fail('NOT_FOUND', '找不到这个活动')
    const position = signup ? await waitlistPosition(db, signup) : null
    const active = isActive(signup)
    return {
      activity: activityInfo(activity, ceilings.activity),
      mine: signup ? mySignupView(signup, position) : null,
      counts: {
        confirmed: activity.confirmedCount,
        waitlisted: activity.waitlistCount,
        attended: activity.attendedCount,
      },
      signupBlocked: active ? null : (signupRefusal(activity, membership.member.level, now)?.message ?? null),
      cancelConsequence: active ? cancelConsequence(signup.state, activity.waitlistCount) : null,
      isStaff,
    }
  },
})

export const signUp = memberAction({
  input: signupsInputs.signUp,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<SignUpResult> {
    const { db, membership, now, caller } = ctx
    const communityId = membership.community._id
    const { member } = membership
    const id = signupIdOf(input.activityId, caller.openid)
    // All in one transaction: the activity is read there anyway, and it is what arrivals meet on.
    const { doc, duplicate } = await inTransaction(
      db,
      async (tx) => {
        const [activity, existing] = await Promise.all([
          txGetOrNull<ActivityDoc>(tx, 'activities', input.activityId),
          txGetOrNull<SignupDoc>(tx, 'activity_signups', id),
        ])
        if (!activity || activity.communityId !== communityId) return fail('NOT_FOUND', '找不到这个活动')
        // A doubled tap answers the sign-up it already made, and writes nothing.
        if (isActive(existing)) return { doc: existing, duplicate: true }
        const refusal = signupRefusal(activity, member.level, now)
        if (refusal) return fail(refusal.code, refusal.message)
        const state = arrivalState(activity)
        const seq = (activity.signupSeq ?? 0) + 1
        // The activity first: the document parallel sign-ups meet on, so a conflict shows early.
        await tx
          .collection('activities')
          .doc(activity._id)
          .update({
            data: {
              signupSeq: seq,
              confirmedCount: activity.confirmedCount + (state === 'confirmed' ? 1 : 0),
              waitlistCount: activity.waitlistCount + (state === 'waitlisted' ? 1 : 0),
            },
          })
        const doc: SignupDoc = {
          _id: id,
          communityId,
          activityId: activity._id,
          openid: caller.openid,
          memberId: member._id,
          nickname: member.nickname,
          state,
          seq,
          subscribed: input.subscribed,
          createdAt: now,
          promotedAt: null,
          cancelledAt: null,
          attendedAt: null,
          pointsPaid: null,
          remindedAt: null,
        }
        const { _id, ...data } = doc
        await tx.collection('activity_signups').doc(_id).set({ data })
        return { doc, duplicate: false }
      },
      HOT_ACTIVITY,
    )
    return { mine: mySignupView(doc, await waitlistPosition(db, doc)), duplicate }
  },
})

/** The first waitlisted moved in the meantime: look again. */
class StaleCandidate extends Error {}

export const cancel = memberAction({
  input: signupsInputs.cancel,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<CancelResult> {
    const { db, membership, now, caller } = ctx
    const communityId = membership.community._id
    const id = signupIdOf(input.activityId, caller.openid)
    for (let attempt = 0; ; attempt++) {
      // Queries cannot run in a transaction: find the first waitlisted before, confirm it inside.
      // Looked up on every attempt, whatever the caller's state was: they may have been promoted since.
      const candidate =
        (
          await findMany<SignupDoc>(
            db
              .collection('activity_signups')
              .where({ activityId: input.activityId, state: 'waitlisted' })
              .orderBy('seq', 'asc')
              .limit(1),
          )
        )[0] ?? null
      try {
        const outcome = await inTransaction(
          db,
          async (tx) => {
            const [activity, signup] = await Promise.all([
              txGetOrNull<ActivityDoc>(tx, 'activities', input.activityId),
              txGetOrNull<SignupDoc>(tx, 'activity_signups', id),
            ])
            if (!activity || activity.communityId !== communityId || !signup)
              return fail('NOT_FOUND', '你没有报名这个活动')
            if (signup.state === 'cancelled') return { doc: signup, promoted: null }
            const refusal = cancelRefusal(activity, now)
            if (refusal) return fail(refusal.code, refusal.message)
            let promoted: SignupDoc | null = null
            const counts = { confirmedCount: activity.confirmedCount, waitlistCount: activity.waitlistCount }
            if (signup.state === 'waitlisted') counts.waitlistCount -= 1
            else if (activity.waitlistCount > 0) {
              // The place goes to the first waitlisted, read again here so they are promoted once.
              const first = candidate
                ? await txGetOrNull<SignupDoc>(tx, 'activity_signups', candidate._id)
                : null
              if (!first || first.state !== 'waitlisted') throw new StaleCandidate()
              promoted = { ...first, state: 'confirmed', promotedAt: now }
              counts.waitlistCount -= 1
              await tx
                .collection('activity_signups')
                .doc(first._id)
                .update({ data: { state: 'confirmed', promotedAt: now } })
            } else counts.confirmedCount -= 1
            await tx.collection('activities').doc(activity._id).update({ data: counts })
            await tx
              .collection('activity_signups')
              .doc(id)
              .update({ data: { state: 'cancelled', cancelledAt: now } })
            return {
              doc: { ...signup, state: 'cancelled' as const, cancelledAt: now },
              promoted,
              title: activity.title,
              startAt: activity.startAt,
            }
          },
          HOT_ACTIVITY,
        )
        if (outcome.promoted && 'title' in outcome) {
          // After the commit (never inside the transaction): one activityChange message, if subscribed.
          await sendSubscribeMessage({
            openid: outcome.promoted.openid,
            template: 'activityChange',
            data: {
              thing1: outcome.title.slice(0, 20),
              phrase2: '候补成功',
              time3: shanghaiDateTimeText(new Date(outcome.startAt)),
              thing4: '有人取消，你已从候补转为正式报名',
            },
            page: `packages/activities/detail/index?id=${input.activityId}`,
          })
        }
        return { mine: mySignupView(outcome.doc, null) }
      } catch (err) {
        if (!(err instanceof StaleCandidate) || attempt >= 20) throw err
      }
    }
  },
})

export const mine = memberAction({
  input: signupsInputs.mine,
  access: EVERY_MEMBER,
  async run(ctx): Promise<MySignupRow[]> {
    const { db, membership, caller } = ctx
    const communityId = membership.community._id
    const signups = await findMany<SignupDoc>(
      db
        .collection('activity_signups')
        .where({ communityId, openid: caller.openid })
        .orderBy('createdAt', 'desc')
        .limit(50),
    )
    if (!signups.length) return []
    const _ = db.command
    const activities = await findMany<ActivityDoc>(
      db
        .collection('activities')
        .where({ _id: _.in(signups.map((s) => s.activityId)) })
        .limit(50),
    )
    const byId = new Map(activities.map((a) => [a._id, a]))
    return signups
      .filter((s) => byId.has(s.activityId))
      .map((s) => ({
        activityId: s.activityId,
        title: byId.get(s.activityId)!.title,
        startAt: new Date(byId.get(s.activityId)!.startAt).toISOString(),
        state: s.state,
        stateName: SIGNUP_STATE_NAMES[s.state],
        attendedAt: s.attendedAt ? new Date(s.attendedAt).toISOString() : null,
      }))
  },
})

/**
 * Check in with the code staff show: pays the activity's points once (the ledger row's source is the
 * activity, written with the sign-up's attendedAt in one transaction) and counts one activity
 * toward the value score's participation.
 */
export const attend = memberAction({
  input: signupsInputs.attend,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<AttendResult> {
    const { db, membership, now, caller } = ctx
    const communityId = membership.community._id
    const [activity, secret, rules, ceilings] = await Promise.all([
      loadActivity(db, input.activityId, communityId),
      secretOf(db, input.activityId),
      loadPointRules(db, communityId),
      loadRewardCeilings(db, communityId),
    ])
    const right = !!secret && acceptedWindows(now).some((w) => codeFor(secret, w) === input.code)
    if (!right) return fail('ATTEND_CODE_WRONG')
    const { points, note } = payableReward({
      reward: rules.activity.enabled ? activity.points : 0,
      ceiling: ceilings.activity,
      createdBy: activity.createdBy,
      openid: caller.openid,
      kind: 'activity',
    })
    const id = signupIdOf(activity._id, caller.openid)
    const result: AttendResult = await inTransaction(db, async (tx) => {
      const [signup, draft] = await Promise.all([
        txGetOrNull<SignupDoc>(tx, 'activity_signups', id),
        draftMember<PointsMember>(tx, communityId, caller.openid),
      ])
      if (!draft) return fail('NOT_MEMBER')
      const refusal = attendRefusal(activity, signup, now)
      if (refusal) return fail(refusal.code, refusal.message)
      if (signup!.attendedAt)
        return {
          pointsPaid: signup!.pointsPaid ?? 0,
          note,
          duplicate: true,
          attendedAt: new Date(signup!.attendedAt).toISOString(),
        }
      const paid =
        points > 0
          ? await postToDraft(tx, draft, {
              communityId,
              openid: caller.openid,
              source: `activity:${activity._id}`,
              kind: 'earn',
              delta: points,
              reason: ledgerReason('activity', activity.title),
              cap: { rule: 'activity', dailyCap: rules.activity.dailyCap },
              now,
              // The sign-up's attendedAt, written with the row, proves this source was never paid.
              sourceIsNew: true,
            })
          : null
      await recordActivity(tx, {
        communityId,
        openid: caller.openid,
        now,
        add: { activities: 1 },
        active: true,
        draft,
      })
      await tx
        .collection('activity_signups')
        .doc(id)
        .update({ data: { attendedAt: now, pointsPaid: paid?.delta ?? 0 } })
      await draft.write(tx)
      return { pointsPaid: paid?.delta ?? 0, note, duplicate: false, attendedAt: now.toISOString() }
    })
    // The counter moves after the commit, atomically, and only for the check-in that committed:
    // check-ins of different members share no document, so 300 at once never conflict.
    if (!result.duplicate)
      await db
        .collection('activities')
        .doc(activity._id)
        .update({ data: { attendedCount: db.command.inc(1) } })
    return result
  },
})
