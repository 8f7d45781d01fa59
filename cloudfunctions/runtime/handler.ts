/**
 * Every cloud function is `defineFunction({ actions })`, and every action is `memberAction({...})`
 * or `anyoneAction({...})`. For each call the handler: finds the action, takes the call's community
 * context (`_community`) off the event, validates the input with the action's schema, takes the
 * caller from the platform context, reads the caller's membership, checks their role, runs the
 * action, and answers `{ok:true,data,community}` or `{ok:false,error:{code,message}}`.
 * Nothing else in a function repeats these steps.
 *
 * Access narrows the type (cal.com's `authedProcedure`): a member action's `run` gets a non-null,
 * typed `ctx.membership`, so no action casts or checks again.
 */
import type { ZodType, ZodTypeDef } from 'zod'
import { errorOf, type ActionResult } from '../core/errors'
import { INPUT_TOO_DEEP_MESSAGE, nestsDeeperThan } from '../core/input'
import { roleAllows, type Role } from '../core/roles'
import { currentCaller, type Caller } from './caller'
import { getDb, type Database } from './cloud'
import { now } from './clock'
import { withCommunitySettings } from './community-settings'
import { AppError } from './errors'
import { isMediaCheckPush, onMediaCheckPush } from './media-check'
import { loadCurrentMembership, loadMembership, type Membership, type MembershipRead } from './membership'

export interface ActionContext {
  caller: Caller
  db: Database
  now: Date
  /** The caller's membership in the community the call acts in, or null (anyone-actions only). */
  membership: Membership | null
  /**
   * The caller acts in `communityId` from now on (they joined it): the answer's `community` says
   * so, and the client sends it as `_community` on its next calls.
   */
  enterCommunity(communityId: string): void
}

/** What a member action runs with: the handler has checked the membership and the role. */
export interface MemberActionContext extends ActionContext {
  membership: Membership
}

type Input<I> = ZodType<I, ZodTypeDef, unknown>

interface ActionDef<I, O> {
  input: Input<I>
  run(ctx: ActionContext, input: I): Promise<O>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActionTable = Record<string, ActionDef<any, any>>

/** An action for members of the call's community whose role is in `access`. */
export function memberAction<I, O>(def: {
  access: readonly Role[]
  input: Input<I>
  run(ctx: MemberActionContext, input: I): Promise<O>
}): ActionDef<I, O> {
  return {
    input: def.input,
    // The one place a membership is checked: from here on the type says it is there.
    run(ctx, input) {
      const { membership } = ctx
      if (!membership) throw new AppError('NOT_MEMBER')
      if (!roleAllows(def.access, membership.member.role)) throw new AppError('FORBIDDEN')
      return def.run({ ...ctx, membership }, input)
    },
  }
}

/** An action anyone with a WeChat identity may call; `ctx.membership` is null outside a community. */
export function anyoneAction<I, O>(def: {
  input: Input<I>
  run(ctx: ActionContext, input: I): Promise<O>
}): ActionDef<I, O> {
  return { input: def.input, run: def.run }
}

function zodFields(issues: { path: (string | number)[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of issues) fields[issue.path.join('.') || '_'] = issue.message
  return fields
}

/** Community ids are short document ids; anything else is not a community context. */
const MAX_COMMUNITY_ID = 64

/**
 * The membership the call acts in: with `_community`, one read of that member document; without
 * it, the community the caller last used (the client has not learnt one yet).
 */
function membershipFor(db: Database, openid: string, community: string | undefined) {
  return community === undefined ? loadCurrentMembership(db, openid) : loadMembership(db, openid, community)
}

export function defineFunction(actions: ActionTable) {
  return async function main(event: Record<string, unknown>): Promise<ActionResult<unknown>> {
    // The platform's media-check verdicts come back to the function that asked (message push).
    if (isMediaCheckPush(event)) return onMediaCheckPush(event, now())
    // Checked before anything walks the event recursively (zod, logging).
    if (nestsDeeperThan(event))
      return { ok: false, error: errorOf('INVALID_INPUT', undefined, { _: INPUT_TOO_DEEP_MESSAGE }) }
    const { action: name, _community: community, ...input } = event ?? {}
    // Platform fields that ride along with every call.
    delete (input as Record<string, unknown>).userInfo
    const def =
      typeof name === 'string' && Object.prototype.hasOwnProperty.call(actions, name) ? actions[name] : null
    if (!def) return { ok: false, error: errorOf('UNKNOWN_ACTION', `不支持的操作：${String(name)}`) }
    if (
      community !== undefined &&
      (typeof community !== 'string' || !community || community.length > MAX_COMMUNITY_ID)
    )
      return {
        ok: false,
        error: errorOf('INVALID_INPUT', undefined, { _community: '社群标识格式不对' }),
      }
    try {
      const parsed = def.input.safeParse(input)
      if (!parsed.success)
        return { ok: false, error: errorOf('INVALID_INPUT', undefined, zodFields(parsed.error.issues)) }
      const caller = currentCaller()
      const db = getDb()
      const read: MembershipRead | null = await membershipFor(db, caller.openid, community)
      const membership = read?.membership ?? null
      let actsIn = membership?.community._id
      const ctx: ActionContext = {
        caller,
        db,
        now: now(),
        membership,
        enterCommunity: (communityId) => {
          actsIn = communityId
        },
      }
      const data = await withCommunitySettings(read?.settings ?? null, () => def.run(ctx, parsed.data))
      return { ok: true, data, ...(actsIn ? { community: actsIn } : {}) }
    } catch (err) {
      // A refusal changes nothing, so neither where the caller acts: only answers with data say it.
      if (err instanceof AppError) return { ok: false, error: err.toActionError() }
      console.error(`[${String(name)}]`, err)
      return { ok: false, error: errorOf('INTERNAL') }
    }
  }
}
