/** weapp: wx.requestSubscribeMessage, which must run inside the tap. */
import Taro from '@tarojs/taro'
import { MESSAGE_TEMPLATES, type MessageTemplate } from '@core/notify'
import type { SubscribeAnswer, SubscribeOutcome } from './subscribe'
import { requestTemplates } from './subscribe-templates'

export async function askSubscriptions(templates: readonly MessageTemplate[]): Promise<SubscribeOutcome> {
  const asked = requestTemplates(templates)
  const answers: SubscribeOutcome['answers'] = {}
  try {
    const res = (await Taro.requestSubscribeMessage({
      tmplIds: asked.map((t) => MESSAGE_TEMPLATES[t]),
    } as never)) as unknown as Record<string, string>
    for (const t of asked)
      answers[t] = (res[MESSAGE_TEMPLATES[t]] === 'accept' ? 'accept' : 'reject') as SubscribeAnswer
  } catch {
    // Declined, banned or unsupported: the action goes ahead without messages.
    for (const t of asked) answers[t] = 'reject'
  }
  return { asked, answers }
}

export function subscribeRequests(): SubscribeOutcome[] {
  return []
}
