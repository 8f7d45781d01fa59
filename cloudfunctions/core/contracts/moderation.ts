import { z } from 'zod'
import { REASON_MAX } from '../sanctions'
import type { RecordResult } from './sanctions'
import { WORD_LIST_MAX, WORD_MAX_LENGTH, type CommunityWord, type HeldStatus } from '../moderation'

export const moderationInputs = {
  heldList: z
    .object({
      status: z.enum(['held', 'approved', 'rejected']).optional(),
      cursor: z.string().min(1).max(40).optional(),
      limit: z.number().int().min(1).max(100).optional(),
    })
    .strict(),
  /** `textHash`: the HeldItem.textHash the moderator was shown; only that text is published. */
  approve: z
    .object({ id: z.string().min(1).max(300), textHash: z.string().regex(/^[0-9a-f]{64}$/) })
    .strict(),
  /** `recordViolation`: also record a violation on the author (sanctions ladder), with `reason`. */
  reject: z
    .object({
      id: z.string().min(1).max(300),
      recordViolation: z.boolean().optional(),
      reason: z.string().trim().min(1).max(REASON_MAX).optional(),
    })
    .strict(),
  words: z.object({}).strict(),
  saveWords: z
    .object({
      words: z
        .array(
          z
            .object({
              word: z
                .string()
                .trim()
                .min(1, '词不能为空')
                .max(WORD_MAX_LENGTH, `每个词最多 ${WORD_MAX_LENGTH} 个字`),
              verdict: z.enum(['risky', 'review']),
            })
            .strict(),
        )
        .max(WORD_LIST_MAX, `词表最多 ${WORD_LIST_MAX} 个词`),
    })
    .strict(),
}

export interface HeldItem {
  id: string
  kind: string
  kindName: string
  openid: string
  nickname: string
  text: string
  /** sha256 of `text`: an approval names it, so only the text shown is published. */
  textHash: string
  status: HeldStatus
  heldBy: 'words' | 'platform' | 'reports'
  /** A reported text: how many members reported it and their latest reasons (newest last). */
  reports: { count: number; reasons: string[] } | null
  createdAt: string
  decidedAt: string | null
}

export interface ModerationOutputs {
  heldList: { items: HeldItem[]; nextCursor: string | null; heldCount: number }
  approve: HeldItem
  reject: HeldItem & { violation?: RecordResult | null }
  words: { words: CommunityWord[] }
  saveWords: { words: CommunityWord[] }
}

export type ModerationInputs = { [K in keyof typeof moderationInputs]: z.input<(typeof moderationInputs)[K]> }
