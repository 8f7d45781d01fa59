/**
 * Joining and onboarding data: the community's onboarding settings, admitting a member, and the
 * new-member checklist (whose steps pay through the ledger, once each).
 */
import { defaultNickname, memberId } from '../core/community'
import type { ChecklistItem, ChecklistView, RulesView } from '../core/contracts/community'
import { levelFor } from '../core/levels'
import { nameGrams } from '../core/nickname'
import {
  CHECKLIST_STEP_NAMES,
  CHECKLIST_STEPS,
  DEFAULT_PASS_MARK,
  DEFAULT_QUIZ_COOLDOWN_MINUTES,
  checklistSource,
  checklistVisible,
  introDeadline,
  introPays,
  needsRulesAck,
  type ChecklistStep,
  type HandbookSection,
  type JoinPolicy,
  type QuestionnaireQuestion,
  type QuizSettings,
} from '../core/onboarding'
import { ledgerId, ledgerReason, type PointRule } from '../core/points'
import type { Database } from './cloud'
import { recordActivity } from './activity'
import { getDocOrNull, inTransaction, txGetOrNull, type Transaction } from './db'
import { fail } from './errors'
import { loadPointRules, post, postInTransaction } from './ledger'
import { newPublicId } from './public-id'
import { isActive, type CommunityDoc, type MemberDoc } from './membership'

export interface OnboardingSettingsDoc {
  _id: string
  communityId: string
  sections: HandbookSection[]
  shortRules: string
  fullRules: string
  /** 0 until the first rules are published. */
  rulesVersion: number
  rulesPublishedAt: Date | null
  quiz: QuizSettings
  questionnaire: QuestionnaireQuestion[]
  updatedAt: Date
}

export interface RulesVersionDoc {
  _id: string
  communityId: string
  version: number
  shortRules: string
  fullRules: string
  publishedAt: Date
  publishedBy: string
  /** Members who acknowledged this version; incremented in the acknowledgement transaction. */
  ackCount: number
}

export interface MemberOnboardingDoc {
  _id: string
  communityId: string
  openid: string
  handbookReadAt?: Date
  rulesAckedAt?: Date
}

export interface IntroDoc {
  _id: string
  communityId: string
  openid: string
  nickname: string
  text: string
  status: 'visible' | 'held' | 'rejected'
  createdAt: Date
  updatedAt: Date
}

/** The onboarding fields a member document carries (on top of runtime/membership MemberDoc). */
export interface OnboardingMemberFields {
  /** The last rules version the member acknowledged (0 = none); indexed for the not-acknowledged list. */
  rulesAckVersion?: number
  /** Profile tags from the entry questionnaire. */
  tags?: string[]
  /** The openid of the member whose invite they joined by (value score: invites). */
  invitedBy?: string
}

export type OnboardingMember = MemberDoc & OnboardingMemberFields

export function defaultSettings(communityId: string): OnboardingSettingsDoc {
  return {
    _id: communityId,
    communityId,
    sections: [],
    shortRules: '',
    fullRules: '',
    rulesVersion: 0,
    rulesPublishedAt: null,
    quiz: { questions: [], passMark: DEFAULT_PASS_MARK, cooldownMinutes: DEFAULT_QUIZ_COOLDOWN_MINUTES },
    questionnaire: [],
    updatedAt: new Date(0),
  }
}

export async function loadSettings(db: Database, communityId: string): Promise<OnboardingSettingsDoc> {
  const saved = await getDocOrNull<OnboardingSettingsDoc>(db, 'onboarding_settings', communityId)
  return { ...defaultSettings(communityId), ...(saved ?? {}) }
}

export function policyOf(community: Pick<CommunityDoc, 'joinPolicy'>): JoinPolicy {
  const policy = (community as { joinPolicy?: string }).joinPolicy
  return policy === 'review' || policy === 'quiz' ? policy : 'open'
}

export function rulesView(settings: OnboardingSettingsDoc, member: OnboardingMember | null): RulesView {
  return {
    version: settings.rulesVersion,
    shortRules: settings.shortRules,
    fullRules: settings.fullRules,
    publishedAt: settings.rulesPublishedAt ? new Date(settings.rulesPublishedAt).toISOString() : null,
    needsAck: member ? needsRulesAck(settings.rulesVersion, member.rulesAckVersion) : false,
  }
}

export async function loadChecklistRule(db: Database, communityId: string): Promise<PointRule> {
  return (await loadPointRules(db, communityId)).checklist
}

/** Pay a checklist step's points through the ledger (its source makes it pay at most once). */
export async function payChecklistStep(
  db: Database,
  member: Pick<MemberDoc, 'communityId' | 'openid'>,
  step: ChecklistStep,
  now: Date,
): Promise<number> {
  const rule = await loadChecklistRule(db, member.communityId)
  if (!rule.enabled || rule.points <= 0) return 0
  const result = await post(db, {
    communityId: member.communityId,
    openid: member.openid,
    source: checklistSource(step),
    kind: 'earn',
    delta: rule.points,
    reason: ledgerReason('checklist', CHECKLIST_STEP_NAMES[step]),
    cap: { rule: 'checklist', dailyCap: rule.dailyCap },
    now,
  })
  return result.duplicate || result.capped ? 0 : result.delta
}

/** The checklist as the member sees it: what is done, what each step paid, the intro window. */
export async function checklistView(db: Database, member: MemberDoc, now: Date): Promise<ChecklistView> {
  const { communityId, openid } = member
  const mid = memberId(communityId, openid)
  const [progress, intro, rule, ...paidRows] = await Promise.all([
    getDocOrNull<MemberOnboardingDoc>(db, 'member_onboarding', mid),
    getDocOrNull<IntroDoc>(db, 'intros', mid),
    loadChecklistRule(db, communityId),
    ...CHECKLIST_STEPS.map((step) =>
      getDocOrNull<{ delta: number }>(db, 'ledger', ledgerId(communityId, openid, checklistSource(step))),
    ),
  ])
  const joinedAt = new Date(member.joinedAt)
  const windowOpen = introPays(joinedAt, now)
  const rulePoints = rule.enabled ? rule.points : 0
  const done: Record<ChecklistStep, boolean> = {
    handbook: !!progress?.handbookReadAt,
    rules: !!progress?.rulesAckedAt,
    intro: !!intro && intro.status !== 'rejected',
  }
  const items: ChecklistItem[] = CHECKLIST_STEPS.map((step, i) => ({
    step,
    title: CHECKLIST_STEP_NAMES[step],
    done: done[step],
    paid: paidRows[i]?.delta ?? 0,
    points: step === 'intro' && !windowOpen ? 0 : rulePoints,
  }))
  const doneCount = items.filter((item) => item.done).length
  return {
    items,
    doneCount,
    introDeadline: introDeadline(joinedAt).toISOString(),
    introWindowOpen: windowOpen,
    intro: intro ? { text: intro.text, status: intro.status } : null,
    complete: doneCount === items.length,
    visible: checklistVisible(joinedAt, now, doneCount === items.length),
  }
}

/**
 * Put `openid` in `community` (or find them already there). The member row, the member count and —
 * when `makeCurrent` — the person's current community change in one transaction.
 */
export async function admitMember(
  db: Database,
  input: {
    community: CommunityDoc
    openid: string
    nickname?: string
    via: MemberDoc['via']
    tags?: string[]
    now: Date
    /** 'always' for the person's own join; 'if-none' when an admin approves (don't move them). */
    makeCurrent: 'always' | 'if-none'
    /** The member who invited them (checked by the caller): recorded, counted and paid by the `invite` rule. */
    invitedBy?: string
    /** The activity whose share card brought them (checked by the caller): counted in its review. */
    viaActivity?: string
  },
): Promise<{ member: OnboardingMember; community: CommunityDoc; alreadyMember: boolean; rejoined: boolean }> {
  const { community, openid, now } = input
  const id = memberId(community._id, openid)
  const inviteRule = input.invitedBy ? (await loadPointRules(db, community._id)).invite : null
  return inTransaction(db, async (tx) => {
    const existing = await txGetOrNull<OnboardingMember>(tx, 'members', id)
    const communityNow = await txGetOrNull<CommunityDoc>(tx, 'communities', community._id)
    if (!communityNow) return fail('NOT_FOUND')
    let member: OnboardingMember
    const rejoined = !!existing && !isActive(existing)
    if (existing && rejoined) {
      // Back after leaving or removal: the same document, active again as a plain member (points,
      // level, history and live violations kept; a staff role is not), counted again, on the boards.
      const back = {
        status: 'active' as const,
        role: 'member' as const,
        rejoinedAt: now,
        ranked: true,
        // Only the first join through a card names an activity.
        ...(input.viaActivity && !existing.joinedViaActivity ? { joinedViaActivity: input.viaActivity } : {}),
      }
      await tx.collection('members').doc(id).update({ data: back })
      await tx
        .collection('communities')
        .doc(community._id)
        .update({ data: { memberCount: communityNow.memberCount + 1 } })
      communityNow.memberCount += 1
      member = { ...existing, ...back }
    } else if (existing) {
      member = existing
    } else {
      const nickname = input.nickname ?? defaultNickname(openid)
      member = {
        _id: id,
        communityId: community._id,
        openid,
        publicId: newPublicId(),
        nickname,
        // Substring search keys, written with every nickname (core/nickname#nameGrams).
        nameGrams: nameGrams(nickname),
        role: 'member',
        level: levelFor(0),
        balance: 0,
        totalEarned: 0,
        joinedAt: now,
        via: input.via,
        rulesAckVersion: 0,
        tags: input.tags ?? [],
        ...(input.invitedBy ? { invitedBy: input.invitedBy } : {}),
        ...(input.viaActivity ? { joinedViaActivity: input.viaActivity } : {}),
      }
      const { _id, ...fields } = member
      // ranked: on the leaderboards (runtime/leaderboard.ts); everyone joins as a member, never hidden staff.
      await tx
        .collection('members')
        .doc(_id)
        .set({ data: { ...fields, ranked: true } })
      await tx
        .collection('communities')
        .doc(community._id)
        .update({ data: { memberCount: communityNow.memberCount + 1 } })
      communityNow.memberCount += 1
      if (input.invitedBy) await creditInviter(tx, community._id, input.invitedBy, member, inviteRule, now)
    }
    const user = input.makeCurrent === 'if-none' ? await txGetOrNull(tx, 'users', openid) : null
    if (input.makeCurrent === 'always' || !user)
      await tx
        .collection('users')
        .doc(openid)
        .set({ data: { currentCommunityId: community._id, updatedAt: now } })
    return { member, community: communityNow, alreadyMember: !!existing && !rejoined, rejoined }
  })
}

/** An invite that joined: the inviter's weekly counter, and the `invite` points rule when enabled. */
async function creditInviter(
  tx: Transaction,
  communityId: string,
  inviter: string,
  joined: OnboardingMember,
  rule: PointRule | null,
  now: Date,
): Promise<void> {
  // The inviter may have left since a request or quiz gate recorded them: then nobody is credited.
  if (!(await txGetOrNull(tx, 'members', memberId(communityId, inviter)))) return
  await recordActivity(tx, { communityId, openid: inviter, now, add: { invitesJoined: 1 }, active: false })
  if (rule?.enabled && rule.points > 0)
    await postInTransaction(tx, {
      communityId,
      openid: inviter,
      source: `invite:${joined.openid}`,
      kind: 'earn',
      delta: rule.points,
      reason: ledgerReason('invite', joined.nickname),
      cap: { rule: 'invite', dailyCap: rule.dailyCap },
      now,
    })
}
