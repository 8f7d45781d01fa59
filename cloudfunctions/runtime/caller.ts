import { getCloud } from './cloud'
import { fail } from './errors'

export interface Caller {
  openid: string
  appid?: string
}

/** Who is calling: always the platform's context, never a field of the event. */
export function currentCaller(): Caller {
  const context = getCloud().getWXContext() as { OPENID?: string; APPID?: string }
  if (!context.OPENID) fail('UNAUTHENTICATED')
  return { openid: String(context.OPENID), appid: context.APPID ? String(context.APPID) : undefined }
}
