/**
 * The one home for changing a member's points. Every change is one ledger row whose id comes from
 * its source, written in the same transaction as the member's balance, total earned and level, so
 * the same source never pays twice and the balance is always the ledger's sum.
 */
import { LEVEL_NAMES, levelRank, levelReached, type DemotionFloor, type Level } from '../core/levels'
import {
  cappedAmount,
  earnedPart,
  effectiveRules,
  ledgerId,
  paidTodayUnder,
  withPaidToday,
  type LedgerKind,
  type PaidToday,
  type PointRule,
  type PointRuleKey,
  type PointRules,
} from '../core/points'
import { shanghaiDayKey } from '../core/time'
import type { Database } from './cloud'
import { readCommunitySettings } from './community-settings'
import { inTransaction, txGetOrNull, type Transaction } from './db'
import { fail } from './errors'
import { boardFieldsAfterEarning } from './leaderboard'
import { changeLevel } from './levels'
import type { MemberDoc } from './membership'
import { draftMember, type MemberDraft } from './member-write'

/** The member fields points and levels keep (on top of runtime/membership MemberDoc). */
export interface PointsMemberFields {
  /** Last visit (points.summary / points.touch, at most once per Asia/Shanghai day). */
  lastVisitAt?: Date
  /** Set by the levels job after 14 days without a visit (新手 流失预警); cleared by a visit. */
  dormantSince?: Date | null
  /** Set by a demotion: re-promotion needs fresh points above it (core/levels requiredEarned). */
  demotionFloor?: DemotionFloor | null
  /** Make-up cards held (granted by admins, used by check-ins). */
  makeupCards?: number
  /** What capped rules paid today (core/points PaidToday): the daily caps, in the member's one write. */
  paidToday?: PaidToday
}

export type PointsMember = MemberDoc & PointsMemberFields

/** A community's saved rule overrides: `point_rules/<communityId>`. */
export interface PointRulesDoc {
  _id: string
  rules: Partial<Record<PointRuleKey, Partial<PointRule>>>
  updatedAt: Date
  updatedBy: string
}

/** The community's effective points rules (its overrides on top of the SPEC defaults). */
export async function loadPointRules(db: Database, communityId: string): Promise<PointRules> {
  // Usually from the call's membership read, without a request (runtime/community-settings.ts).
  const saved = await readCommunitySettings<PointRulesDoc>(db, 'point_rules', communityId)
  return effectiveRules(saved?.rules)
}

export interface LedgerRow {
  _id: string
  communityId: string
  openid: string
  kind: LedgerKind
  delta: number
  /** What this row adds to the total earned (levels follow it); see core/points.earnedPart. */
  earned: number
  reason: string
  source: string
  rule: string | null
  /** Who made it, for adjustments and grants; null when the member's own action paid it. */
  by: string | null
  balanceAfter: number
  dayKey: string
  createdAt: Date
}

export interface PostingInput {
  communityId: string
  openid: string
  /** Identifies what paid: 'checkin:2026-11-22', 'survey:<id>', 'adjust:<requestId>'… */
  source: string
  kind: LedgerKind
  delta: number
  reason: string
  /**
   * The rule whose daily cap applies, if any. `oncePerDay`: the rule pays one source a day (the
   * check-in), so its cap bounds this posting alone and needs no counter.
   */
  cap?: { rule: string; dailyCap: number | null; oncePerDay?: boolean }
  by?: string
  now: Date
}

export interface PostingResult {
  ledgerId: string
  /** True when this source had already been paid: nothing changed this time. */
  duplicate: boolean
  /** True when the daily cap left nothing to pay: no row was written. */
  capped: boolean
  delta: number
  balance: number
  totalEarned: number
  levelChange: { from: Level; to: Level } | null
}

/**
 * Post within an open transaction (when the caller changes other documents in the same step): reads
 * the member and writes them back. A caller that changes the member in other ways too posts with
 * `postToDraft` instead, so the member is written once.
 */
export async function postInTransaction(
  tx: Transaction,
  input: PostingInput & { sourceIsNew?: boolean },
): Promise<PostingResult> {
  const draft = await draftMember<PointsMember>(tx, input.communityId, input.openid)
  if (!draft) return fail('NOT_MEMBER')
  const result = await postToDraft(tx, draft, input)
  await draft.write(tx)
  return result
}

/**
 * Post against a member drafted in this transaction: writes the ledger row (and the cap counter and
 * level change row), and adds the balance, totals, board counters and level to the draft, which
 * the caller writes once (runtime/member-write.ts).
 */
export async function postToDraft(
  tx: Transaction,
  draft: MemberDraft<PointsMember>,
  input: PostingInput & {
    /** The caller's own document proves this source was never paid (written with it): no ledger read. */
    sourceIsNew?: boolean
  },
): Promise<PostingResult> {
  const id = ledgerId(input.communityId, input.openid, input.source)
  const member = draft.doc
  const unchanged = {
    ledgerId: id,
    balance: member.balance,
    totalEarned: member.totalEarned,
    levelChange: null,
  }
  const existing = input.sourceIsNew ? null : await txGetOrNull<LedgerRow>(tx, 'ledger', id)
  if (existing) return { ...unchanged, duplicate: true, capped: false, delta: existing.delta }

  const dayKey = shanghaiDayKey(input.now)
  let delta = input.delta
  // A rule paid once a day (its source is the day) needs no record: nothing was paid under it today.
  // Other capped rules count on the member, read and written in this transaction with the balance.
  const counted = input.cap && !input.cap.oncePerDay ? input.cap.rule : null
  const paidToday = counted ? paidTodayUnder(member.paidToday, counted, dayKey) : 0
  if (input.cap && delta > 0) {
    delta = cappedAmount(delta, paidToday, input.cap.dailyCap)
    if (delta === 0) return { ...unchanged, duplicate: false, capped: true, delta: 0 }
  }
  const balance = member.balance + delta
  if (balance < 0) fail('INSUFFICIENT_POINTS', `积分不足：当前 ${member.balance} 分`)
  const earned = earnedPart(input.kind, delta)
  const totalEarned = member.totalEarned + earned
  // Promotion is immediate; demotion is the timer job's business, never a side effect of spending.
  // A demoted member's floor makes re-promotion need fresh points (core/levels levelReached).
  const reached = levelReached(totalEarned, member.demotionFloor)
  const levelChange =
    levelRank(reached) > levelRank(member.level) ? { from: member.level, to: reached } : null

  const row: Omit<LedgerRow, '_id'> = {
    communityId: input.communityId,
    openid: input.openid,
    kind: input.kind,
    delta,
    earned,
    reason: input.reason,
    source: input.source,
    rule: input.cap?.rule ?? null,
    by: input.by ?? null,
    balanceAfter: balance,
    dayKey,
    createdAt: input.now,
  }
  // The leaderboards' week and month counters move with the earned part, in the same write, so the
  // boards always agree with the ledger (runtime/leaderboard.ts).
  const boards = earned > 0 ? await boardFieldsAfterEarning(tx, member, earned, input.now, input.source) : {}
  await tx.collection('ledger').doc(id).set({ data: row })
  const level = levelChange
    ? await changeLevel(tx, {
        communityId: input.communityId,
        openid: input.openid,
        kind: 'promote',
        ...levelChange,
        reason: `累计获得 ${totalEarned} 分，升级为${LEVEL_NAMES[levelChange.to]}`,
        totalEarned,
        ledgerId: id,
        now: input.now,
      })
    : {}
  draft.set({
    balance,
    totalEarned,
    ...boards,
    ...level,
    ...(counted ? { paidToday: withPaidToday(member.paidToday, counted, dayKey, paidToday + delta) } : {}),
  })
  return { ledgerId: id, duplicate: false, capped: false, delta, balance, totalEarned, levelChange }
}

/** Post one change in its own transaction. */
export function post(db: Database, input: PostingInput): Promise<PostingResult> {
  return inTransaction(db, (tx) => postInTransaction(tx, input))
}
