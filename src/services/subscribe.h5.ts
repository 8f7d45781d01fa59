/**
 * H5 has no subscribe messages. The stand-in asks nothing and says so: each request is recorded with
 * every template 'unsupported' (tests and the local product can see what a tap would have asked).
 */
import type { MessageTemplate } from '@core/notify'
import type { SubscribeOutcome } from './subscribe'
import { requestTemplates } from './subscribe-templates'

const requests: SubscribeOutcome[] = []

export async function askSubscriptions(templates: readonly MessageTemplate[]): Promise<SubscribeOutcome> {
  const asked = requestTemplates(templates)
  const outcome: SubscribeOutcome = {
    asked,
    answers: Object.fromEntries(asked.map((t) => [t, 'unsupported'])) as SubscribeOutcome['answers'],
  }
  requests.push(outcome)
  return outcome
}

export function subscribeRequests(): SubscribeOutcome[] {
  return [...requests]
}
