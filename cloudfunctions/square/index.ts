// The `square` cloud function (issue 13): the community square's posts, replies, likes and reports,
// its feeds (newest, hot, per theme, mine, 精选), and the staff tools (pin, hide, delete, category,
// 精选, revoking a valued post's pay, topics, the content mix); its timer posts the monthly 规则答疑.
import { getCloud, getDb } from '../runtime/cloud'
import { now } from '../runtime/clock'
import { defineFunction } from '../runtime/handler'
import { adApplications, adStatus, applyAds, decideAds } from './ads'
import { post, reply } from './posting'
import { like, report, unlike } from './reactions'
import { detail, feed, themes } from './reading'
import { runRulesQaJob } from './rules-qa'
import { feature, mix, moderate, openTheme, revoke, setCategory } from './staff'

const actions = defineFunction({
  themes,
  feed,
  detail,
  post,
  reply,
  like,
  unlike,
  report,
  moderate,
  setCategory,
  feature,
  revoke,
  openTheme,
  mix,
  applyAds,
  adStatus,
  adApplications,
  decideAds,
})

export async function main(event: Record<string, unknown>): Promise<unknown> {
  if (event?.Type !== 'Timer') return actions(event)
  // Only the timer may start the job: a member's call always carries an OPENID.
  const context = getCloud().getWXContext() as { OPENID?: string }
  if (context.OPENID) return { ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行这个操作' } }
  return { ok: true, data: await runRulesQaJob(getDb(), now()) }
}
