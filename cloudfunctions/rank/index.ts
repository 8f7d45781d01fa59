// The `rank` cloud function: the leaderboards, their settings, past Top-3 results, and the monthly
// Top-3 job started by its timer (config.json).
import { getCloud, getDb } from '../runtime/cloud'
import { now } from '../runtime/clock'
import { defineFunction } from '../runtime/handler'
import board from './actions/board'
import monthlyResults from './actions/monthly-results'
import saveSettings from './actions/save-settings'
import settings from './actions/settings'
import { runTop3Job } from './job'

const actions = defineFunction({ board, settings, saveSettings, monthlyResults })

export async function main(event: Record<string, unknown>): Promise<unknown> {
  if (event?.Type !== 'Timer') return actions(event)
  // Only the timer may start the job: a member's call always carries an OPENID.
  const context = getCloud().getWXContext() as { OPENID?: string }
  if (context.OPENID) return { ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行这个操作' } }
  return { ok: true, data: await runTop3Job(getDb(), now()) }
}
