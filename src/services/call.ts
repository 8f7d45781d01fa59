/**
 * The one way services reach the backend: `call(fn, action, input)`, typed by the function's
 * contract (core/contracts): the input is the action's schema input, the result its output. The
 * event is `{ ...input, action, _community }`; the answer is an ActionResult, unwrapped here: data
 * comes back, errors are thrown as ServiceError. The community each answer reports is remembered and
 * sent back with the next call.
 */
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '@core/contracts'
import type { ActionResult } from '@core/errors'
import { actingCommunity, rememberCommunity } from './community-context'
import { INTERNAL_MESSAGE, ServiceError } from './service-error'
import { send } from './transport'

/** The input may be left out when the action takes none (or only optional fields). */
type InputArgs<I> = object extends I ? [input?: I] : [input: I]

function unwrap<T>(result: unknown): T {
  const r = result as (ActionResult<T> & { community?: unknown }) | null | undefined
  if (r && typeof r.community === 'string') rememberCommunity(r.community)
  if (r && r.ok === true) return r.data
  if (r && r.ok === false && r.error && typeof r.error.code === 'string') {
    throw new ServiceError(r.error.code, r.error.message || INTERNAL_MESSAGE, r.error.fields)
  }
  throw new ServiceError('INTERNAL', INTERNAL_MESSAGE)
}

/** Call `action` of cloud function `fn` and return its data, or throw a ServiceError. */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  ...[input]: InputArgs<ActionInput<F, A>>
): Promise<ActionOutput<F, A>> {
  const event: Record<string, unknown> = { ...(input as object | undefined), action }
  const community = actingCommunity()
  if (community) event._community = community
  return unwrap<ActionOutput<F, A>>(await send(fn, event))
}
