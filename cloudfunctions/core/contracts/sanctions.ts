import { z } from 'zod'
import {
  APPEAL_MAX,
  CLOCK_TIME,
  EVIDENCE_TEXT_MAX,
  EXPIRY_DAYS_MAX,
  EXPIRY_DAYS_MIN,
  REASON_MAX,
  type AppealDecision,
  type LadderStep,
  type SanctionSettings,
  type ViolationState,
} from '../sanctions'

const memberId = z.string().min(1).max(200)
const violationId = z.string().min(1).max(300)
const step = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
const clock = z.string().regex(CLOCK_TIME, '时间格式应为 HH:mm')

export const sanctionsInputs = {
  /** Staff record a violation: the member goes one step up (or to `step` when skipping is allowed). */
  record: z
    .object({
      memberId,
      reason: z.string().trim().min(1, '请写明违规原因').max(REASON_MAX, `原因最多 ${REASON_MAX} 个字`),
      evidenceText: z.string().trim().max(EVIDENCE_TEXT_MAX).optional(),
      imageFileId: z.string().min(1).max(500).optional(),
      heldId: z.string().min(1).max(300).optional(),
      step: step.optional(),
    })
    .strict(),
  /** Staff remove a member outright (also the ladder's step 4). */
  remove: z
    .object({
      memberId,
      reason: z.string().trim().min(1, '请写明移出原因').max(REASON_MAX),
    })
    .strict(),
  list: z.object({}).strict(),
  mine: z.object({}).strict(),
  notices: z.object({}).strict(),
  appeal: z
    .object({
      violationId,
      text: z.string().trim().min(5, '申诉至少写 5 个字').max(APPEAL_MAX, `申诉最多 ${APPEAL_MAX} 个字`),
    })
    .strict(),
  decideAppeal: z.object({ violationId, decision: z.enum(['upheld', 'overturned']) }).strict(),
  settings: z.object({}).strict(),
  saveSettings: z
    .object({
      expiryDays: z.number().int().min(EXPIRY_DAYS_MIN).max(EXPIRY_DAYS_MAX),
      allowSkip: z.boolean(),
      quietHours: z.object({ enabled: z.boolean(), start: clock, end: clock }).strict(),
    })
    .strict(),
  removalTasks: z.object({}).strict(),
  completeRemovalTask: z.object({ taskId: z.string().min(1).max(300) }).strict(),
}

export interface ViolationView {
  id: string
  memberId: string
  nickname: string
  step: LadderStep
  stepName: string
  reason: string
  evidence: { text: string | null; imageFileId: string | null; heldId: string | null }
  createdAt: string
  expiresAt: string
  state: ViolationState
  appeal: { text: string; at: string; decision: AppealDecision | null; decidedAt: string | null } | null
  /** The member may appeal it now (their own record only). */
  canAppeal: boolean
}

export interface RemovalTaskView {
  id: string
  memberId: string
  nickname: string
  reason: string
  status: 'open' | 'done'
  createdAt: string
  doneAt: string | null
}

export interface RecordResult {
  violation: ViolationView
  /** Whether the member was told by subscribe message (the in-app record is always there). */
  notified: boolean
  mutedUntil: string | null
  removed: boolean
}

export interface SanctionsOutputs {
  record: RecordResult
  remove: { removed: true; task: RemovalTaskView }
  list: { recent: ViolationView[]; appeals: ViolationView[]; openTasks: number; allowSkip: boolean }
  mine: { violations: ViolationView[]; nextStep: LadderStep; mutedUntil: string | null }
  notices: { items: { nickname: string; reason: string; createdAt: string }[] }
  appeal: ViolationView
  decideAppeal: ViolationView
  settings: SanctionSettings & { canEdit: boolean }
  saveSettings: SanctionSettings & { canEdit: boolean }
  removalTasks: { open: RemovalTaskView[]; done: RemovalTaskView[] }
  completeRemovalTask: RemovalTaskView
}
