// The `dashboard` cloud function: the health dashboard (数据看板). Its timer (config.json, nightly)
// counts the day's figures per community and raises alerts; staff read the dashboard, export the
// figures and see the pending-work badges of the 管理 tab.
import { getCloud, getDb } from '../runtime/cloud'
import { now } from '../runtime/clock'
import { defineFunction } from '../runtime/handler'
import badges from './actions/badges'
import exportDaily from './actions/export-daily'
import overview from './actions/overview'
import { runMetricsJob } from './job'

const actions = defineFunction({ overview, exportDaily, badges })

export async function main(event: Record<string, unknown>): Promise<unknown> {
  if (event?.Type !== 'Timer') return actions(event)
  // Only the timer may start the job: a member's call always carries an OPENID.
  const context = getCloud().getWXContext() as { OPENID?: string }
  if (context.OPENID) return { ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行这个操作' } }
  return { ok: true, data: await runMetricsJob(getDb(), now()) }
}
