import { getCloud } from './cloud'

export type Verdict = 'pass' | 'review' | 'risky'

/** msgSecCheck v2 scenes. */
export const SCENE = { profile: 1, comment: 2, forum: 3, socialLog: 4 } as const

/**
 * Two checks before anyone else sees a member's text: the community's own word list, then the
 * platform's content-security API. Never call this inside a transaction callback (it may rerun).
 */
export async function checkText(
  text: string,
  options: { openid: string; scene: number; communityWords?: string[] },
): Promise<Verdict> {
  const lowered = text.toLowerCase()
  if (options.communityWords?.some((word) => word && lowered.includes(word.toLowerCase()))) return 'risky'
  const res = (await getCloud().openapi.security.msgSecCheck({
    openid: options.openid,
    scene: options.scene,
    version: 2,
    content: text,
  })) as { result?: { suggest?: string } }
  const suggest = res?.result?.suggest
  return suggest === 'risky' || suggest === 'review' ? suggest : 'pass'
}
