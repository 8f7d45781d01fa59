import { SUBSCRIBE_MAX_PER_REQUEST, type MessageTemplate } from '@core/notify'

/** The templates of one request: no duplicates, at most SUBSCRIBE_MAX_PER_REQUEST. */
export function requestTemplates(templates: readonly MessageTemplate[]): MessageTemplate[] {
  const unique = [...new Set(templates)]
  if (unique.length > SUBSCRIBE_MAX_PER_REQUEST)
    throw new Error(`one subscribe request takes at most ${SUBSCRIBE_MAX_PER_REQUEST} templates`)
  return unique
}

/** What a tap that asked for messages tells the person afterwards. */
export function subscribeResultText(answers: Record<string, string | undefined>): string {
  const values = Object.values(answers)
  if (values.includes('accept')) return '已开启提醒'
  if (values.length && values.every((v) => v === 'unsupported'))
    return '本地体验不支持订阅消息，真机上会弹出授权'
  return '未开启提醒，可随时再点一次开启'
}
