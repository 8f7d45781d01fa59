// The `levels` cloud function: the nightly demotion job, started by its timer (config.json).
// Promotion is immediate and lives in runtime/ledger.ts; demotion runs here on a fixed cadence.
import { getCloud, getDb } from '../runtime/cloud'
import { now } from '../runtime/clock'
import { runDemotionJob, type RunOutcome } from './job'

type Event = { Type?: string; TriggerName?: string }

export async function main(
  event: Event,
): Promise<{ ok: true; data: RunOutcome } | { ok: false; error: object }> {
  // Only the timer may start the job: a member's call always carries an OPENID.
  const context = getCloud().getWXContext() as { OPENID?: string }
  if (context.OPENID || event?.Type !== 'Timer')
    return { ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行这个操作' } }
  return { ok: true, data: await runDemotionJob(getDb(), now()) }
}
