/**
 * Personal invite refs. Each member gets one random ref on first use, stored on their member doc
 * (`inviteRef`) and claimed in `invite_refs` under `${communityId}_${ref}`, so a ref is unique in its
 * community and resolves with one read. The openid behind a ref never leaves the server.
 */
import { randomBytes } from 'node:crypto'
import { memberId } from '../core/community'
import { INVITE_REF_LENGTH, inviteRefFrom, inviteRefId, isWellFormedInviteRef } from '../core/invite'
import type { Database } from '../runtime/cloud'
import { getDocOrNull, inTransaction, txGetOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import type { MemberDoc } from '../runtime/membership'

export interface InviteRefDoc {
  _id: string
  communityId: string
  ref: string
  openid: string
  createdAt: Date
}

type WithRef = MemberDoc & { inviteRef?: string }

/** The member's ref, drawn and claimed on first use. Parallel first calls agree (the member doc is the lock). */
export async function ensureInviteRef(db: Database, member: WithRef, now: Date): Promise<string> {
  if (member.inviteRef) return member.inviteRef
  return inTransaction(db, async (tx) => {
    const current = await txGetOrNull<WithRef>(tx, 'members', member._id)
    if (!current) return fail('NOT_MEMBER')
    if (current.inviteRef) return current.inviteRef
    // 31^8 refs per community: a clash is rare, and then another draw settles it.
    for (let tries = 0; tries < 5; tries++) {
      const ref = inviteRefFrom(randomBytes(INVITE_REF_LENGTH))
      const id = inviteRefId(member.communityId, ref)
      if (await txGetOrNull(tx, 'invite_refs', id)) continue
      const claim: Omit<InviteRefDoc, '_id'> = {
        communityId: member.communityId,
        ref,
        openid: member.openid,
        createdAt: now,
      }
      await tx.collection('invite_refs').doc(id).set({ data: claim })
      await tx
        .collection('members')
        .doc(member._id)
        .update({ data: { inviteRef: ref } })
      return ref
    }
    return fail('INTERNAL')
  })
}

/**
 * The inviter a ref names in `communityId`, or undefined: a malformed or unknown ref, one from another
 * community (its id carries the community), one's own ref, or an inviter who has left credit nobody —
 * the join itself goes ahead.
 */
export async function resolveInviteRef(
  db: Database,
  communityId: string,
  ref: string | undefined,
  callerOpenid: string,
): Promise<string | undefined> {
  if (!ref || !isWellFormedInviteRef(ref)) return undefined
  const claim = await getDocOrNull<InviteRefDoc>(db, 'invite_refs', inviteRefId(communityId, ref))
  if (!claim || claim.communityId !== communityId || claim.openid === callerOpenid) return undefined
  const inviter = await getDocOrNull(db, 'members', memberId(communityId, claim.openid))
  return inviter ? claim.openid : undefined
}
