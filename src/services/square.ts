/** The `square` cloud function: the community square's feeds, posts, replies, likes, reports and staff tools. */
import type { ActionInput } from '@core/contracts'
import type {
  AdApplicationView,
  DetailResult,
  FeedResult,
  MixResult,
  PinnedView,
  PostView,
  ReplyView,
  StaffTools,
  ThemeView,
} from '@core/contracts/square'
import { call } from './call'

export type {
  AdApplicationView,
  DetailResult,
  FeedResult,
  MixResult,
  PinnedView,
  PostView,
  ReplyView,
  StaffTools,
  ThemeView,
}
export type FeedQuery = Omit<ActionInput<'square', 'feed'>, 'cursor'>
export type PostInput = Omit<ActionInput<'square', 'post'>, 'requestId'>
export type ModerateInput = ActionInput<'square', 'moderate'>

/** One id per tap: a retry of the same tap posts once. */
export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}

export const themes = () => call('square', 'themes')
export const feed = (query: FeedQuery, cursor?: string) =>
  call('square', 'feed', cursor ? { ...query, cursor } : query)
export const detail = (postId: string, cursor?: string) =>
  call('square', 'detail', cursor ? { postId, cursor } : { postId })
export const post = (input: PostInput, requestId: string) => call('square', 'post', { ...input, requestId })
export const reply = (postId: string, text: string, requestId: string) =>
  call('square', 'reply', { postId, text, requestId })
export const like = (postId: string) => call('square', 'like', { postId })
export const unlike = (postId: string) => call('square', 'unlike', { postId })
export const report = (postId: string, reason: string, replyId?: string) =>
  call('square', 'report', replyId ? { postId, replyId, reason } : { postId, reason })
export const moderate = (input: ModerateInput) => call('square', 'moderate', input)
export const setCategory = (postId: string, category: PostInput['category']) =>
  call('square', 'setCategory', { postId, category })
export const feature = (postId: string, points?: number) =>
  call('square', 'feature', points ? { postId, points } : { postId })
export const revoke = (postId: string, reason: string) => call('square', 'revoke', { postId, reason })
export const openTheme = (title: string) => call('square', 'openTheme', { title })
export const mix = () => call('square', 'mix', {})

export const applyAds = (documents: { licence: string; qualification: string; reviews: string }) =>
  call('square', 'applyAds', documents)
export const adStatus = () => call('square', 'adStatus')
export const adApplications = (status?: 'pending' | 'approved' | 'refused', cursor?: string) =>
  call('square', 'adApplications', { ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) })
export const decideAds = (input: ActionInput<'square', 'decideAds'>) => call('square', 'decideAds', input)

export const postPath = (id: string) => `/packages/square/post/index?id=${encodeURIComponent(id)}`
