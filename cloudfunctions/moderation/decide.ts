import type { HeldItem } from '../core/contracts/moderation'
import { canDecide, decisionVisibility, heldKindName } from '../core/moderation'
import { memberId } from '../core/community'
import { getDocOrNull, inTransaction, txGetOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import type { MemberActionContext } from '../runtime/handler'
import { postInTransaction } from '../runtime/ledger'
import { heldTextHash, textHash, type HeldContentDoc } from '../runtime/moderation'
import { txSquareDecision } from '../square/decisions'

export function heldItem(doc: HeldContentDoc, nickname: string): HeldItem {
  return {
    id: doc._id,
    kind: doc.kind,
    kindName: heldKindName(doc.kind),
    openid: doc.openid,
    nickname,
    text: doc.text,
    textHash: heldTextHash(doc),
    status: doc.status,
    heldBy: doc.heldBy,
    reports: doc.reports ? { count: doc.reports.count, reasons: [...doc.reports.reasons] } : null,
    createdAt: new Date(doc.createdAt).toISOString(),
    decidedAt: doc.decidedAt ? new Date(doc.decidedAt).toISOString() : null,
  }
}

/**
 * Approve or reject a held item of the caller's own community: the item's status and the referenced
 * document's visibility field change in one transaction, with an approved item's reward (if any)
 * paid through the ledger, once by its source, and the square's own effects (square/decisions.ts). An approval names the hash of the text the moderator
 * was shown (`seenHash`): if the item or the stored text is no longer that text, nothing is published
 * and the answer is CONTENT_CHANGED (a stored text that differs from the queue's is put back in the
 * queue as it is stored, for a fresh look).
 */
export async function decide(
  ctx: MemberActionContext,
  id: string,
  decision: 'approve' | 'reject',
  seenHash?: string,
): Promise<HeldItem> {
  const cid = ctx.membership.community._id
  const result = await inTransaction(ctx.db, async (tx) => {
    const held = await txGetOrNull<HeldContentDoc>(tx, 'held_content', id)
    // Another community's item is as good as missing.
    if (!held || held.communityId !== cid) return fail('NOT_FOUND')
    const verdict = canDecide(held.status, decision)
    if (verdict === 'same') return { held, changed: false, requeued: false }
    if (verdict === 'decided') return fail('CONFLICT', '这条内容已经处理过了')
    if (decision === 'approve' && seenHash !== heldTextHash(held)) return fail('CONTENT_CHANGED')
    const target = await txGetOrNull<Record<string, unknown>>(tx, held.collection, held.docId)
    const ours = target && target.communityId === cid ? target : null
    const stored = ours?.[held.textField ?? 'text']
    if (decision === 'approve' && typeof stored === 'string' && textHash(stored) !== heldTextHash(held)) {
      await tx
        .collection('held_content')
        .doc(id)
        .update({ data: { text: stored, textHash: textHash(stored) } })
      return { held, changed: false, requeued: true }
    }
    const status = decision === 'approve' ? 'approved' : 'rejected'
    await tx
      .collection('held_content')
      .doc(id)
      .update({ data: { status, decidedAt: ctx.now, decidedBy: ctx.caller.openid } })
    // An approved item's reward pays with the approval (once: the ledger source is the reward's).
    const paid =
      decision === 'approve' && held.reward
        ? await postInTransaction(tx, {
            communityId: cid,
            openid: held.openid,
            source: held.reward.source,
            kind: 'earn',
            delta: held.reward.delta,
            reason: held.reward.reason,
            cap: { rule: held.reward.rule, dailyCap: held.reward.dailyCap },
            now: ctx.now,
          })
        : null
    if (ours) {
      const visibility = decisionVisibility(decision)
      const effects = await txSquareDecision(tx, { held, target: ours, visibility, paid })
      await tx
        .collection(held.collection)
        .doc(held.docId)
        .update({ data: { [held.statusField]: visibility, ...effects } })
    }
    // A rejection alone is no violation: the value score counts recorded violations (sanctions),
    // which `reject` with `recordViolation` adds in the same tap.
    return { held: { ...held, status, decidedAt: ctx.now } as HeldContentDoc, changed: true, requeued: false }
  })
  if (result.requeued) fail('CONTENT_CHANGED')
  const { held } = result
  const author = await getDocOrNull<{ nickname: string }>(ctx.db, 'members', memberId(cid, held.openid))
  return heldItem(held, author?.nickname ?? '已离开的成员')
}
