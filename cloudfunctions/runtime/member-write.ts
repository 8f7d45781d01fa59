/**
 * One member write per transaction (issue 10): the steps of an action (the ledger's balance and
 * totals, a level change, the streak fields, activity, spent cards) each add their fields to one
 * draft of the member, and the action writes it once at the end. The draft's `doc` is the member as
 * the transaction will leave it, so a later step (a challenge paid after the check-in's points)
 * sees the earlier ones.
 */
import { memberId } from '../core/community'
import { txGetOrNull, type Transaction } from './db'
import type { MemberDoc } from './membership'

export class MemberDraft<M extends MemberDoc = MemberDoc> {
  private readonly fields: Record<string, unknown> = {}

  constructor(public doc: M) {}

  /** Add fields to the pending write; later fields win. */
  set(fields: object): void {
    Object.assign(this.fields, fields)
    this.doc = { ...this.doc, ...fields }
  }

  /** The member write, once; nothing when no step changed the member. */
  async write(tx: Transaction): Promise<void> {
    if (!Object.keys(this.fields).length) return
    await tx
      .collection('members')
      .doc(this.doc._id)
      .update({ data: { ...this.fields } })
    for (const key of Object.keys(this.fields)) delete this.fields[key]
  }
}

/** The member read in the transaction, as a draft; null when they are not a member. */
export async function draftMember<M extends MemberDoc = MemberDoc>(
  tx: Transaction,
  communityId: string,
  openid: string,
): Promise<MemberDraft<M> | null> {
  const member = await txGetOrNull<M>(tx, 'members', memberId(communityId, openid))
  return member ? new MemberDraft(member) : null
}
