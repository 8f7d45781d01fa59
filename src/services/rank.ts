/** The `rank` cloud function: leaderboards, their settings and past monthly Top 3. */
import type {
  BoardResult,
  BoardRow,
  MonthlyResult,
  MonthlyResultsPage,
  MonthlyWinner,
  RankSettingsResult,
} from '@core/contracts/rank'
import type { BoardKind, RankSettings } from '@core/leaderboard'
import { call } from './call'

export type {
  BoardKind,
  BoardResult,
  BoardRow,
  MonthlyResult,
  MonthlyResultsPage,
  MonthlyWinner,
  RankSettingsResult,
}

export const board = (kind: BoardKind) => call('rank', 'board', { kind })

export const settings = () => call('rank', 'settings')

export const saveSettings = (input: RankSettings) => call('rank', 'saveSettings', { ...input })

export const monthlyResults = (cursor?: string) => call('rank', 'monthlyResults', { cursor })
