/** The `violations` collection: its document, how staff and members see a row, and a member's record. */
import type { RemovalTaskView, ViolationView } from '../core/contracts/sanctions'
import {
  STEP_NAMES,
  appealProblem,
  violationState,
  type AppealRecord,
  type LadderStep,
} from '../core/sanctions'
import type { Database } from '../runtime/cloud'
import { findMany, getDocOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import type { RemovalTaskDoc } from '../runtime/leaving'
import { isActive, type MemberDoc } from '../runtime/membership'

export interface ViolationDoc {
  _id: string
  communityId: string
  memberId: string
  openid: string
  nickname: string
  step: LadderStep
  reason: string
  evidence: { text?: string; imageFileId?: string; heldId?: string }
  by: string
  createdAt: Date
  expiresAt: Date
  /** Step 3: when the mute this violation set ends (an overturn lifts it). */
  mutedUntil?: Date
  /** True while an appeal waits for a decision (the staff queue's index). */
  appealPending?: boolean
  appeal?: AppealRecord
  notified?: boolean
}

const iso = (d: Date | string | undefined | null) => (d ? new Date(d).toISOString() : null)

export function violationView(doc: ViolationDoc, now: Date, own = false): ViolationView {
  return {
    id: doc._id,
    memberId: doc.memberId,
    nickname: doc.nickname,
    step: doc.step,
    stepName: STEP_NAMES[doc.step],
    reason: doc.reason,
    evidence: {
      text: doc.evidence?.text ?? null,
      imageFileId: doc.evidence?.imageFileId ?? null,
      heldId: doc.evidence?.heldId ?? null,
    },
    createdAt: new Date(doc.createdAt).toISOString(),
    expiresAt: new Date(doc.expiresAt).toISOString(),
    state: violationState(doc, now),
    appeal: doc.appeal
      ? {
          text: doc.appeal.text,
          at: new Date(doc.appeal.at).toISOString(),
          decision: doc.appeal.decision ?? null,
          decidedAt: iso(doc.appeal.decidedAt),
        }
      : null,
    canAppeal: own && appealProblem(doc, now) === null,
  }
}

export function taskView(doc: RemovalTaskDoc): RemovalTaskView {
  return {
    id: doc._id,
    memberId: doc.memberId,
    nickname: doc.nickname,
    reason: doc.reason,
    status: doc.status,
    createdAt: new Date(doc.createdAt).toISOString(),
    doneAt: iso(doc.doneAt),
  }
}

/** A member's violations, newest first (one indexed read; a record past 100 rows is long expired). */
export function memberViolations(db: Database, communityId: string, memberDocId: string) {
  return findMany<ViolationDoc>(
    db
      .collection('violations')
      .where({ communityId, memberId: memberDocId })
      .orderBy('createdAt', 'desc')
      .limit(100),
  )
}

/** A current member of the caller's community, by member document id; anything else is NOT_FOUND. */
export async function targetMember(
  db: Database,
  communityId: string,
  memberDocId: string,
): Promise<MemberDoc> {
  const member = await getDocOrNull<MemberDoc>(db, 'members', memberDocId)
  if (!member || member.communityId !== communityId || !isActive(member))
    return fail('NOT_FOUND', '找不到这位成员，可能已经离开社群')
  return member
}
