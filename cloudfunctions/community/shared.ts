import { memberId } from '../core/community'
import type { MemberActionContext } from '../runtime/handler'
import type { ActionContext } from '../runtime/handler'

/** Actions whose access is a role list always run with a membership. */
export function memberCtx(ctx: ActionContext): MemberActionContext {
  return ctx as MemberActionContext
}

export function callerMemberId(ctx: MemberActionContext): string {
  return memberId(ctx.membership.community._id, ctx.caller.openid)
}

/** Offset cursors: an opaque string of the next offset. */
export function pageOf(input: { cursor?: string; limit?: number }): { offset: number; limit: number } {
  const offset = input.cursor && /^\d{1,7}$/.test(input.cursor) ? Number(input.cursor) : 0
  return { offset, limit: input.limit ?? 20 }
}

export function nextCursor(offset: number, limit: number, got: number): string | null {
  return got === limit ? String(offset + limit) : null
}
