/**
 * The member's own notes after check-in (issue 15): the calendar's day view, and editing or deleting
 * today's note. Identity comes from the call: a member can only ever name their own check-in.
 */
import { checkinId, noteChangeRefusal } from '../core/checkin'
import type { DayResult, NoteStatus } from '../core/contracts/checkin'
import { shanghaiDayKey } from '../core/time'
import { recordActivity } from '../runtime/activity'
import { getDocOrNull, inTransaction, txGetOrNull, type Transaction } from '../runtime/db'
import { fail } from '../runtime/errors'
import type { MemberActionContext } from '../runtime/handler'
import { holdInTransaction, type Screened } from '../runtime/moderation'
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

/** Put a check-in's note in the review queue when screened so, or (on a rewrite) take an earlier held text out. */
export function holdCheckinNote(
  tx: Transaction,
  screened: Screened,
  at: { communityId: string; openid: string; docId: string; note: string; now: Date; rewrite?: boolean },
): Promise<void> {
  return holdInTransaction(tx, screened, {
    communityId: at.communityId,
    openid: at.openid,
    kind: 'checkin_note',
    collection: 'checkins',
    docId: at.docId,
    text: at.note,
    textField: 'note',
    statusField: 'noteStatus',
    rewrite: at.rewrite,
    now: at.now,
  })
}

type NoteFields = Pick<CheckinDoc, 'note' | 'photos' | 'photoStatus'> & { noteStatus: NoteStatus }

/**
 * Rewrite or clear today's note in one transaction: the check-in, its place in the review queue, and
 * the week's note count, which follows whether the check-in has a note at all. Likes, points and the
 * day stay; a 精选 note cannot change.
 */
export async function rewriteTodaysNote(
  ctx: MemberActionContext,
  target: { id: string; day: string; today: string },
  change: { fields: Partial<NoteFields> & Pick<NoteFields, 'note' | 'noteStatus'>; screened: Screened },
): Promise<DayResult> {
  const communityId = ctx.membership.community._id
  const openid = ctx.membership.member.openid
  const now = ctx.now
  const { note } = change.fields
  const doc = await inTransaction(ctx.db, async (tx) => {
    const found = await txGetOrNull<CheckinDoc>(tx, 'checkins', target.id)
    if (!found) return fail('NOT_FOUND')
    if (found.featured) return fail('NOTE_FEATURED')
    await tx
      .collection('checkins')
      .doc(target.id)
      .update({ data: { ...change.fields, editedAt: now } })
    await holdCheckinNote(tx, change.screened, {
      communityId,
      openid,
      docId: target.id,
      note,
      now,
      rewrite: true,
    })
    const notes = Number(!!note) - Number(!!found.note)
    await recordActivity(tx, { communityId, openid, now, active: true, add: { notes } })
    return { ...found, ...change.fields }
  })
  return dayResult(doc, target.day, target.today)
}
