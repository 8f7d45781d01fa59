import { z } from 'zod'
import { BOARD_KINDS, TOP3_POINTS_MAX, type BoardKind, type RankSettings } from '../leaderboard'
import type { Level } from '../levels'

const rewardPoints = z
  .number()
  .int('奖励积分需为整数')
  .min(0, '奖励积分不能小于 0')
  .max(TOP3_POINTS_MAX, `奖励积分最多 ${TOP3_POINTS_MAX}`)

export const rankInputs = {
  board: z.object({ kind: z.enum(BOARD_KINDS) }).strict(),
  settings: z.object({}).strict(),
  saveSettings: z
    .object({
      hideStaff: z.boolean(),
      top3: z
        .object({ enabled: z.boolean(), points: z.tuple([rewardPoints, rewardPoints, rewardPoints]) })
        .strict(),
    })
    .strict(),
  monthlyResults: z
    .object({
      limit: z.number().int().min(1).max(24).optional(),
      cursor: z.string().min(1).max(200).optional(),
    })
    .strict(),
}

export interface BoardRow {
  rank: number
  nickname: string
  level: Level
  /** A title bought in the mall (members.title), shown beside the nickname. */
  title: string | null
  value: number
  isMe: boolean
}

export interface BoardResult {
  kind: BoardKind
  name: string
  /** What the board counts and over which period, e.g. 本周（11月16日–11月22日）获得的积分. */
  label: string
  unit: string
  rows: BoardRow[]
  /** The caller's own place: rank null when they have nothing on this board or are not ranked. */
  me: { rank: number | null; value: number; ranked: boolean }
  /** The community keeps staff off the boards. */
  staffHidden: boolean
}

export type RankSettingsResult = RankSettings & { updatedAt: string | null }

export interface MonthlyWinner {
  rank: number
  nickname: string
  value: number
  points: number
  /** Whether the reward was paid (false when the member had left). */
  paid: boolean
  /** Whether the subscribe message went out; null until tried, false without a subscription. */
  told: boolean | null
}

export interface MonthlyResult {
  monthKey: string
  /** 2026年10月. */
  label: string
  /** 'disabled' when the community had the Top-3 reward switched off that month. */
  status: 'paid' | 'disabled'
  winners: MonthlyWinner[]
  createdAt: string
}

export interface MonthlyResultsPage {
  items: MonthlyResult[]
  nextCursor: string | null
}

export type RankInputs = { [K in keyof typeof rankInputs]: z.input<(typeof rankInputs)[K]> }

export interface RankOutputs {
  board: BoardResult
  settings: RankSettingsResult
  saveSettings: RankSettingsResult
  monthlyResults: MonthlyResultsPage
}
