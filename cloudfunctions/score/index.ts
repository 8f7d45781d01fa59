// The `score` cloud function: the weekly value score (动态评估). Its timer (config.json, Mondays)
// runs the job in resumable batches; members and staff read explanations, tiers and send wake-ups.
import { getCloud, getDb } from '../runtime/cloud'
import { now } from '../runtime/clock'
import { defineFunction } from '../runtime/handler'
import distribution from './actions/distribution'
import memberScore from './actions/member-score'
import myScore from './actions/my-score'
import tierMembers from './actions/tier-members'
import wakeUp from './actions/wake-up'
import { runScoreJob } from './job'

const actions = defineFunction({ myScore, memberScore, distribution, tierMembers, wakeUp })

export async function main(event: Record<string, unknown>): Promise<unknown> {
  if (event?.Type !== 'Timer') return actions(event)
  // Only the timer may start the job: a member's call always carries an OPENID.
  const context = getCloud().getWXContext() as { OPENID?: string }
  if (context.OPENID) return { ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行这个操作' } }
  return { ok: true, data: await runScoreJob(getDb(), now()) }
}
