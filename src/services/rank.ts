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
import { callFunction } from './transport'

export type {
  BoardKind,
  BoardResult,
  BoardRow,
  MonthlyResult,
  MonthlyResultsPage,
  MonthlyWinner,
  RankSettingsResult,
}

export function board(kind: BoardKind): Promise<BoardResult> {
  return callFunction<BoardResult>('rank', 'board', { kind })
}

export function settings(): Promise<RankSettingsResult> {
  return callFunction<RankSettingsResult>('rank', 'settings')
}

export function saveSettings(input: RankSettings): Promise<RankSettingsResult> {
  return callFunction<RankSettingsResult>('rank', 'saveSettings', { ...input })
}

export function monthlyResults(cursor?: string): Promise<MonthlyResultsPage> {
  return callFunction<MonthlyResultsPage>('rank', 'monthlyResults', { cursor })
}
