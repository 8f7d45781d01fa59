/**
 * The community the client acts in: context, not identity (the server still takes the caller from
 * the platform and refuses a community the caller is not a member of). Every answer names it; the
 * client sends it back as `_community` so the server reads the membership in one request.
 */
import Taro from '@tarojs/taro'

const COMMUNITY_KEY = 'qunhuo.community'

/** The community of the last answer, or '' before any (the server then looks it up). */
export function actingCommunity(): string {
  try {
    const value: unknown = Taro.getStorageSync(COMMUNITY_KEY)
    return typeof value === 'string' ? value : ''
  } catch {
    return ''
  }
}

/** Keep the community an answer reported; written to storage only when it changed. */
export function rememberCommunity(community: string): void {
  if (community !== actingCommunity()) Taro.setStorageSync(COMMUNITY_KEY, community)
}

/** Someone else now uses the app (H5 persona switch): their community is not ours. */
export function forgetCommunity(): void {
  Taro.removeStorageSync(COMMUNITY_KEY)
}
