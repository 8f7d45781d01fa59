import { memberId } from '../core/community'
import type { MemberActionContext } from '../runtime/handler'
import { decodeOffset, offsetCursor } from '../runtime/paging'

export function callerMemberId(ctx: MemberActionContext): string {
  return memberId(ctx.membership.community._id, ctx.caller.openid)
}

/** Offset cursors (runtime/paging.ts); a cursor that is not one is refused. */
export function pageOf(input: { cursor?: string; limit?: number }): { offset: number; limit: number } {
  return { offset: decodeOffset(input.cursor), limit: input.limit ?? 20 }
}

export function nextCursor(offset: number, limit: number, got: number): string | null {
  return offsetCursor(offset, limit, got === limit)
}
