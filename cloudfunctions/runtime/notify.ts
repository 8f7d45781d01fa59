/**
 * Sending a subscribe message (订阅消息). WeChat allows one send per accepted one-time subscription;
 * without one the API answers 43101, which is an expected outcome here, not an error: the caller
 * records that the member could not be told. Never call this inside a transaction callback.
 */
import { MESSAGE_TEMPLATES, type MessageTemplate } from '../core/notify'
import { getCloud } from './cloud'

export type SendOutcome =
  { sent: true } | { sent: false; reason: 'not-subscribed' | 'failed'; errCode?: number }

export async function sendSubscribeMessage(input: {
  openid: string
  template: MessageTemplate
  /** Template fields, e.g. { thing1: '本月第 1 名', number2: '500' }. */
  data: Record<string, string>
  /** The page the message opens, e.g. 'packages/mall/orders/index'. */
  page?: string
}): Promise<SendOutcome> {
  const data: Record<string, { value: string }> = {}
  for (const [key, value] of Object.entries(input.data)) data[key] = { value }
  try {
    await getCloud().openapi.subscribeMessage.send({
      touser: input.openid,
      templateId: MESSAGE_TEMPLATES[input.template],
      page: input.page,
      data,
      miniprogramState: 'formal',
    })
    return { sent: true }
  } catch (err) {
    const errCode = (err as { errCode?: number }).errCode
    if (errCode === 43101) return { sent: false, reason: 'not-subscribed', errCode }
    console.error('subscribeMessage.send failed', err)
    return { sent: false, reason: 'failed', errCode }
  }
}
