// The `sop` cloud function: the SOP autopilot started by its timer every 5 minutes (config.json),
// which carries out the due automatic steps (T−1h reminders, T+2h thanks, T+1d review), and the
// staff actions: today's and overdue tasks, marking a step done or skipped, reading a review.
import { getCloud, getDb } from '../runtime/cloud'
import { now } from '../runtime/clock'
import { defineFunction } from '../runtime/handler'
import mark from './actions/mark'
import review from './actions/review'
import tasks from './actions/tasks'
import { runSopTimer } from './timer'

const actions = defineFunction({ tasks, mark, review })

export async function main(event: Record<string, unknown>): Promise<unknown> {
  if (event?.Type !== 'Timer') return actions(event)
  // Only the timer may start the autopilot: a member's call always carries an OPENID.
  const context = getCloud().getWXContext() as { OPENID?: string }
  if (context.OPENID) return { ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行这个操作' } }
  return { ok: true, data: await runSopTimer(getDb(), now()) }
}
