import type { MessageTemplate } from '@core/notify'

/** What the person said to each template asked: accepted, refused, or not asked on this platform. */
export type SubscribeAnswer = 'accept' | 'reject' | 'unsupported'

export interface SubscribeOutcome {
  asked: MessageTemplate[]
  answers: Partial<Record<MessageTemplate, SubscribeAnswer>>
}

/**
 * Ask for subscribe messages inside the tap that needs them (at most SUBSCRIBE_MAX_PER_REQUEST
 * templates; more is a programming error). Never throws: a refusal just means no message.
 */
export function askSubscriptions(templates: readonly MessageTemplate[]): Promise<SubscribeOutcome>

/** The requests made so far on H5, where there are no subscriptions (the stand-in's honest record). */
export function subscribeRequests(): SubscribeOutcome[]
