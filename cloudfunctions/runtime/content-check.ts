import { getCloud } from './cloud'

export type Verdict = 'pass' | 'review' | 'risky'

/** msgSecCheck v2 scenes. */
export const SCENE = { profile: 1, comment: 2, forum: 3, socialLog: 4 } as const

/** msgSecCheck takes at most 2,500 characters a call; longer text is checked in parts. */
const MAX_CONTENT = 2500

/**
 * The platform's verdict on a text (security.msgSecCheck v2: the verdict is read from
 * result.suggest, errcode 0 alone says nothing). Only runtime/moderation calls this: every text goes
 * through its screening path. Never call it inside a transaction callback (it may rerun).
 */
export async function checkText(text: string, options: { openid: string; scene: number }): Promise<Verdict> {
  const parts: string[] = []
  for (let i = 0; i < text.length; i += MAX_CONTENT) parts.push(text.slice(i, i + MAX_CONTENT))
  const verdicts = await Promise.all(parts.map((part) => checkPart(part, options)))
  return verdicts.includes('risky') ? 'risky' : verdicts.includes('review') ? 'review' : 'pass'
}

async function checkPart(content: string, options: { openid: string; scene: number }): Promise<Verdict> {
  const res = (await getCloud().openapi.security.msgSecCheck({
    openid: options.openid,
    scene: options.scene,
    version: 2,
    content,
  })) as { result?: { suggest?: string } }
  const suggest = res?.result?.suggest
  return suggest === 'risky' || suggest === 'review' ? suggest : 'pass'
}
