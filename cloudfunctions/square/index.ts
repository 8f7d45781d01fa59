// The `square` cloud function (issue 13): the community square's posts, replies, likes and reports,
// its feeds (newest, hot, per theme, mine, 精选), and the staff tools (pin, hide, delete, category,
// 精选, revoking a valued post's pay, topics, the content mix).
import { defineFunction } from '../runtime/handler'
import { post, reply } from './posting'
import { like, report, unlike } from './reactions'
import { detail, feed, themes } from './reading'
import { feature, mix, moderate, openTheme, revoke, setCategory } from './staff'

export const main = defineFunction({
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
})
