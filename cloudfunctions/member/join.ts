import type { GatedJoin, JoinGate, JoinOutcome, JoinResult } from '../core/contracts/member'
import { nicknameProblem } from '../core/nickname'
import {
  canRequestAgain,
  canRetryQuiz,
  gradeQuiz,
  joinRequestExpiresAt,
  joinRequestState,
  publicQuestions,
  quizRetryAt,
  tagsFromAnswers,
  type JoinRequestStatus,
} from '../core/onboarding'
import type { ActionContext } from '../runtime/handler'
import { memberId } from '../core/community'
import { getDocOrNull, inTransaction, txGetOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import { isActive, type CommunityDoc, type MemberDoc } from '../runtime/membership'
import { SCENE, screenText } from '../runtime/moderation'
import { admitMember, loadSettings, policyOf, type OnboardingSettingsDoc } from '../runtime/onboarding'
import { recordEntryResponse } from '../runtime/surveys'
import { resolveInviteRef } from './invite'
import { communitySummary, memberProfile } from './profile'

export interface JoinRequestDoc {
  _id: string
  communityId: string
  openid: string
  nickname: string | null
  tags: string[]
  via: MemberDoc['via']
  status: JoinRequestStatus
  createdAt: Date
  expiresAt: Date
  decidedAt?: Date
  decidedBy?: string
  /** Who invited them (checked when asked), credited when an admin approves. */
  invitedBy?: string
  /** The activity whose share card brought them (checked when asked), counted when an admin approves. */
  viaActivity?: string
}

/** The quiz gate: proof the caller reached it (by invite or group card), and their last attempt. */
export interface QuizAttemptDoc {
  _id: string
  communityId: string
  openid: string
  via: MemberDoc['via']
  attempts: number
  passed: boolean
  lastAt: Date | null
  lastFailedAt: Date | null
  last: { correct: number; total: number; percent: number; passed: boolean } | null
  createdAt: Date
  /** Who invited them (checked at the gate), credited when they pass. */
  invitedBy?: string
  /** The activity whose share card brought them (checked at the gate), counted when they pass. */
  viaActivity?: string
}

export interface JoinExtras {
  nickname?: string
  /** The inviter's personal ref from the invite link (joinByInvite); see member/invite.ts. */
  ref?: string
  /** The inviter's openid, resolved from `ref` on the server (never taken from input). */
  inviter?: string
  questionnaire?: Record<string, number[]>
  /** The activity whose share card brought the caller: an id from input until joinCommunity checks it. */
  viaActivity?: string
}

/**
 * Nicknames are shown at once beside everything a member does: the core rule first (no staff
 * titles, bidi or control characters, nothing invisible), then screening, where anything but a
 * clean pass is refused.
 */
export async function checkNickname(
  ctx: ActionContext,
  communityId: string,
  nickname: string,
): Promise<void> {
  const problem = nicknameProblem(nickname)
  if (problem) fail('INVALID_INPUT', problem, { nickname: problem })
  const { verdict } = await screenText(ctx.db, {
    communityId,
    openid: ctx.caller.openid,
    text: nickname,
    scene: SCENE.profile,
  })
  if (verdict !== 'pass') fail('CONTENT_RISKY', '昵称包含不适宜的内容，请换一个')
}

function questionnaireTags(settings: OnboardingSettingsDoc, answers: JoinExtras['questionnaire']): string[] {
  if (!answers) return []
  const { tags, problems } = tagsFromAnswers(settings.questionnaire, answers)
  if (Object.keys(problems).length) fail('INVALID_INPUT', '问卷答案不完整或格式不对', problems)
  return tags
}

function gateCommunity(community: CommunityDoc): JoinGate['community'] {
  return {
    id: community._id,
    name: community.name,
    slogan: community.slogan,
    memberCount: community.memberCount,
  }
}

export function reviewGate(
  community: CommunityDoc,
  settings: OnboardingSettingsDoc,
  request: JoinRequestDoc,
  now: Date,
): JoinGate {
  return {
    community: gateCommunity(community),
    policy: 'review',
    questionnaire: settings.questionnaire,
    request: {
      state: joinRequestState(request.status, new Date(request.expiresAt), now),
      createdAt: new Date(request.createdAt).toISOString(),
      expiresAt: new Date(request.expiresAt).toISOString(),
    },
  }
}

export function quizGate(
  community: CommunityDoc,
  settings: OnboardingSettingsDoc,
  attempt: QuizAttemptDoc | null,
  now: Date,
): JoinGate {
  const { quiz } = settings
  const retry =
    attempt?.lastFailedAt && !canRetryQuiz(new Date(attempt.lastFailedAt), quiz.cooldownMinutes, now)
      ? quizRetryAt(new Date(attempt.lastFailedAt), quiz.cooldownMinutes).toISOString()
      : null
  return {
    community: gateCommunity(community),
    policy: 'quiz',
    questionnaire: settings.questionnaire,
    quiz: {
      questions: publicQuestions(quiz.questions),
      passMark: quiz.passMark,
      cooldownMinutes: quiz.cooldownMinutes,
      last:
        attempt?.last && attempt.lastAt
          ? { ...attempt.last, at: new Date(attempt.lastAt).toISOString() }
          : null,
      retryAt: retry,
    },
  }
}

async function admitCaller(
  ctx: ActionContext,
  community: CommunityDoc,
  via: MemberDoc['via'],
  settings: OnboardingSettingsDoc,
  extras: JoinExtras,
  tags: string[],
): Promise<JoinResult> {
  const result = await admitMember(ctx.db, {
    community,
    openid: ctx.caller.openid,
    nickname: extras.nickname,
    via,
    tags,
    now: ctx.now,
    makeCurrent: 'always',
    invitedBy: extras.inviter,
    viaActivity: extras.viaActivity,
  })
  const { member, community: joined, alreadyMember, rejoined } = result
  // The caller acts in the community they joined from now on (admitMember made it their current one).
  ctx.enterCommunity(joined._id)
  // Entry questionnaire answers given when joining are also the member's entry-survey response. The
  // join and the tags are already done, so a failure here is logged rather than failing the join.
  if (!alreadyMember && extras.questionnaire && Object.keys(extras.questionnaire).length)
    await recordEntryResponse(ctx.db, {
      communityId: community._id,
      openid: ctx.caller.openid,
      nickname: member.nickname,
      questionnaire: settings.questionnaire,
      chosen: extras.questionnaire,
      now: ctx.now,
    }).catch((err) => console.error('[entry survey]', err))
  return {
    status: 'joined',
    community: communitySummary(joined, member),
    member: memberProfile(member),
    alreadyMember,
    ...(rejoined ? { rejoined: true } : {}),
    welcome: settings.shortRules ? { shortRules: settings.shortRules } : null,
  }
}

/** Ask to join a review community: a pending request, kept while pending, renewed once expired or rejected. */
async function requestToJoin(
  ctx: ActionContext,
  community: CommunityDoc,
  via: MemberDoc['via'],
  settings: OnboardingSettingsDoc,
  extras: JoinExtras,
  tags: string[],
): Promise<GatedJoin> {
  const { db, caller, now } = ctx
  const id = memberId(community._id, caller.openid)
  const request = await inTransaction(db, async (tx) => {
    const existing = await txGetOrNull<JoinRequestDoc>(tx, 'join_requests', id)
    if (existing) {
      const state = joinRequestState(existing.status, new Date(existing.expiresAt), now)
      if (!canRequestAgain(state)) return existing
    }
    const fresh: JoinRequestDoc = {
      _id: id,
      communityId: community._id,
      openid: caller.openid,
      nickname: extras.nickname ?? null,
      tags,
      via,
      status: 'pending',
      createdAt: now,
      expiresAt: joinRequestExpiresAt(now),
      ...(extras.inviter ? { invitedBy: extras.inviter } : {}),
      ...(extras.viaActivity ? { viaActivity: extras.viaActivity } : {}),
    }
    const { _id, ...fields } = fresh
    await tx.collection('join_requests').doc(_id).set({ data: fields })
    return fresh
  })
  return { status: 'pending', gate: reviewGate(community, settings, request, now) }
}

/** Record that the caller reached the quiz gate (by invite or card), so submitQuiz can trust it. */
async function openQuizGate(
  ctx: ActionContext,
  community: CommunityDoc,
  via: MemberDoc['via'],
  settings: OnboardingSettingsDoc,
  extras: Pick<JoinExtras, 'inviter' | 'viaActivity'>,
): Promise<GatedJoin> {
  const { db, caller, now } = ctx
  const id = memberId(community._id, caller.openid)
  const attempt = await inTransaction(db, async (tx) => {
    const existing = await txGetOrNull<QuizAttemptDoc>(tx, 'quiz_attempts', id)
    if (existing) return existing
    const fresh: QuizAttemptDoc = {
      _id: id,
      communityId: community._id,
      openid: caller.openid,
      via,
      attempts: 0,
      passed: false,
      lastAt: null,
      lastFailedAt: null,
      last: null,
      createdAt: now,
      ...(extras.inviter ? { invitedBy: extras.inviter } : {}),
      ...(extras.viaActivity ? { viaActivity: extras.viaActivity } : {}),
    }
    const { _id, ...fields } = fresh
    await tx.collection('quiz_attempts').doc(_id).set({ data: fields })
    return fresh
  })
  return { status: 'quiz', gate: quizGate(community, settings, attempt, now) }
}

/**
 * Join `community` by its policy: open joins at once; review files a request (审核中); quiz answers
 * with the questions. A member already in is simply made current, whatever the policy.
 */
export async function joinCommunity(
  ctx: ActionContext,
  community: CommunityDoc,
  via: MemberDoc['via'],
  extras: JoinExtras = {},
): Promise<JoinOutcome> {
  // Content checks call the platform, so they run before any transaction, never inside one.
  if (extras.nickname) await checkNickname(ctx, community._id, extras.nickname)
  const settings = await loadSettings(ctx.db, community._id)
  const tags = questionnaireTags(settings, extras.questionnaire)
  const policy = policyOf(community)
  const stored = await getDocOrNull<MemberDoc>(ctx.db, 'members', memberId(community._id, ctx.caller.openid))
  // Someone who left or was removed comes back through the policy like anyone else.
  const already = stored && isActive(stored) ? stored : null
  // A bad ref never blocks the join; it only credits nobody (resolveInviteRef).
  const inviter = already
    ? undefined
    : await resolveInviteRef(ctx.db, community._id, extras.ref, ctx.caller.openid)
  const viaActivity = already ? undefined : await activityOf(ctx, community._id, extras.viaActivity)
  const checked: JoinExtras = { ...extras, inviter, viaActivity }
  if (policy === 'open' || already) return admitCaller(ctx, community, via, settings, checked, tags)
  if (policy === 'review') return requestToJoin(ctx, community, via, settings, checked, tags)
  return openQuizGate(ctx, community, via, settings, checked)
}

/**
 * A newcomer who came through an activity's share card is counted in that activity's review, whether
 * they join at once, on approval or on passing the quiz (the gate keeps the id). Only an activity of
 * this community counts; anything else credits nothing and never blocks the join.
 */
async function activityOf(
  ctx: ActionContext,
  communityId: string,
  activityId?: string,
): Promise<string | undefined> {
  if (!activityId) return undefined
  const activity = await getDocOrNull<{ communityId: string }>(ctx.db, 'activities', activityId)
  return activity?.communityId === communityId ? activityId : undefined
}

/** Grade the entry quiz: pass joins; a fail starts the cool-down; during the cool-down nothing is graded. */
export async function submitQuiz(
  ctx: ActionContext,
  communityId: string,
  answers: Record<string, number>,
  extras: JoinExtras,
): Promise<JoinOutcome> {
  const { db, caller, now } = ctx
  const id = memberId(communityId, caller.openid)
  const [community, gate] = await Promise.all([
    getDocOrNull<CommunityDoc>(db, 'communities', communityId),
    getDocOrNull<QuizAttemptDoc>(db, 'quiz_attempts', id),
  ])
  // Only someone who reached the gate by invite code or group card may answer.
  if (!community || !gate) return fail('NOT_FOUND', '请先通过邀请码或群卡片进入')
  if (extras.nickname) await checkNickname(ctx, communityId, extras.nickname)
  const settings = await loadSettings(db, communityId)
  const tags = questionnaireTags(settings, extras.questionnaire)
  const stored = await getDocOrNull<MemberDoc>(db, 'members', id)
  const already = stored && isActive(stored) ? stored : null
  const fromGate = { ...extras, inviter: gate.invitedBy, viaActivity: gate.viaActivity }
  const policy = policyOf(community)
  if (already || policy === 'open') return admitCaller(ctx, community, gate.via, settings, fromGate, tags)
  // The community left the quiz for review since the gate opened: the policy of now decides.
  if (policy === 'review') return requestToJoin(ctx, community, gate.via, settings, fromGate, tags)
  const { quiz } = settings
  const grade = gradeQuiz(quiz, answers)
  const attempt = await inTransaction(db, async (tx) => {
    const current = await txGetOrNull<QuizAttemptDoc>(tx, 'quiz_attempts', id)
    if (!current) return fail('NOT_FOUND')
    if (
      !current.passed &&
      !canRetryQuiz(current.lastFailedAt ? new Date(current.lastFailedAt) : null, quiz.cooldownMinutes, now)
    ) {
      const at = quizRetryAt(new Date(current.lastFailedAt as Date), quiz.cooldownMinutes)
      const minutes = Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60000))
      return fail('QUIZ_COOLDOWN', `答题未通过，请 ${minutes} 分钟后再试`)
    }
    const next: QuizAttemptDoc = {
      ...current,
      attempts: current.attempts + 1,
      passed: current.passed || grade.passed,
      lastAt: now,
      lastFailedAt: grade.passed ? current.lastFailedAt : now,
      last: grade,
    }
    const { _id, ...fields } = next
    await tx.collection('quiz_attempts').doc(_id).set({ data: fields })
    return next
  })
  if (!attempt.passed) return { status: 'quiz', gate: quizGate(community, settings, attempt, now) }
  return admitCaller(ctx, community, gate.via, settings, fromGate, tags)
}
