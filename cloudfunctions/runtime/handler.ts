/**
 * Every cloud function is `defineFunction({ actions })`. For each call it: finds the action,
 * validates the input with its schema, takes the caller from the platform context, checks the
 * caller's role in their community, runs the action, and answers `{ok:true,data}` or
 * `{ok:false,error:{code,message}}`. Nothing else in a function repeats these steps.
 */
import type { ZodType, ZodTypeDef } from 'zod'
import { errorOf, type ActionResult } from '../core/errors'
import { INPUT_TOO_DEEP_MESSAGE, nestsDeeperThan } from '../core/input'
import { roleAllows, type Access } from '../core/roles'
import { currentCaller, type Caller } from './caller'
import { getDb, type Database } from './cloud'
import { now } from './clock'
import { AppError } from './errors'
import { loadCurrentMembership, type Membership } from './membership'

export interface ActionContext {
  caller: Caller
  db: Database
  now: Date
  /** Loaded for every action; actions whose access is a role list always have it. */
  membership: Membership | null
}

export interface MemberActionContext extends ActionContext {
  membership: Membership
}

interface ActionDef<I, O> {
  input: ZodType<I, ZodTypeDef, unknown>
  access: Access
  run(ctx: ActionContext, input: I): Promise<O>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActionTable = Record<string, ActionDef<any, any>>

/** Typed helper so each action file reads `export default action({...})`. */
export function action<I, O>(def: ActionDef<I, O>): ActionDef<I, O> {
  return def
}

function zodFields(issues: { path: (string | number)[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of issues) fields[issue.path.join('.') || '_'] = issue.message
  return fields
}

export function defineFunction(actions: ActionTable) {
  return async function main(event: Record<string, unknown>): Promise<ActionResult<unknown>> {
    // Checked before anything walks the event recursively (zod, logging).
    if (nestsDeeperThan(event))
      return { ok: false, error: errorOf('INVALID_INPUT', undefined, { _: INPUT_TOO_DEEP_MESSAGE }) }
    const { action: name, ...input } = event ?? {}
    // Platform fields that ride along with every call.
    delete (input as Record<string, unknown>).userInfo
    const def =
      typeof name === 'string' && Object.prototype.hasOwnProperty.call(actions, name) ? actions[name] : null
    if (!def) return { ok: false, error: errorOf('UNKNOWN_ACTION', `不支持的操作：${String(name)}`) }
    try {
      const parsed = def.input.safeParse(input)
      if (!parsed.success)
        return { ok: false, error: errorOf('INVALID_INPUT', undefined, zodFields(parsed.error.issues)) }
      const caller = currentCaller()
      const db = getDb()
      const membership = await loadCurrentMembership(db, caller.openid)
      if (def.access !== 'anyone') {
        if (!membership) throw new AppError('NOT_MEMBER')
        if (!roleAllows(def.access, membership.member.role)) throw new AppError('FORBIDDEN')
      }
      const data = await def.run({ caller, db, now: now(), membership }, parsed.data)
      return { ok: true, data }
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toActionError() }
      console.error(`[${String(name)}]`, err)
      return { ok: false, error: errorOf('INTERNAL') }
    }
  }
}
