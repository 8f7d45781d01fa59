/**
 * The member's own notes after check-in (issue 15): the calendar's day view, and editing or deleting
 * today's note. Identity comes from the call: a member can only ever name their own check-in.
 */
import { checkinId, noteChangeRefusal } from '../core/checkin'
import type { DayResult } from '../core/contracts/checkin'
import { shanghaiDayKey } from '../core/time'
import { getDocOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import type { MemberActionContext } from '../runtime/handler'
import { myCheckin, type CheckinDoc } from './records'

export function dayResult(doc: CheckinDoc | null, day: string, today: string): DayResult {
  const featured = !!doc?.featured
  return {
    day,
    today,
    checkin: doc ? myCheckin(doc) : null,
    featured,
    editable: !!doc && !noteChangeRefusal({ day, today, featured }),
  }
}

/** The caller's check-in of `day`, refused unless it exists and may still change (today, not 精选). */
export async function changeableCheckin(
  ctx: MemberActionContext,
  day: string,
): Promise<{ id: string; doc: CheckinDoc; today: string }> {
  const { community, member } = ctx.membership
  const today = shanghaiDayKey(ctx.now)
  // A past day is refused before any read: its answer cannot depend on what is stored.
  if (day !== today) fail('NOTE_DAY_OVER')
  const id = checkinId(community._id, member.openid, day)
  const doc = await getDocOrNull<CheckinDoc>(ctx.db, 'checkins', id)
  if (!doc) return fail('NOT_FOUND', '这一天还没有打卡')
  const refusal = noteChangeRefusal({ day, today, featured: !!doc.featured })
  if (refusal) fail(refusal)
  return { id, doc, today }
}
