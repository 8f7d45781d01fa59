/**
 * What a moderation decision (moderation/decide.ts) changes in the square besides the item's
 * visibility, in the deciding transaction: a post held at posting shows the points its approval paid
 * (or why none), a rejected ad post gives its month's allowance back, and a reply that becomes
 * readable or unreadable moves its post's reply count (the count is of replies others read).
 */
import type { Visibility } from '../core/moderation'
import { UNPAID_TEXT } from '../core/square'
import { shanghaiMonthKey } from '../core/time'
import { txGetOrNull, type Transaction } from '../runtime/db'
import type { PostingResult } from '../runtime/ledger'
import type { HeldContentDoc } from '../runtime/moderation'
import type { AdApplicationDoc } from './ads'
import { moveReplyCount, type PostDoc, type ReplyDoc } from './records'

/**
 * Apply a decision's square effects; returns the fields to write on the decided document with its
 * visibility (none for other collections).
 */
export async function txSquareDecision(
  tx: Transaction,
  input: {
    held: HeldContentDoc
    target: Record<string, unknown>
    visibility: Visibility
    /** The approval's payment of the held reward, if it had one. */
    paid: PostingResult | null
  },
): Promise<Record<string, unknown>> {
  const { held, visibility, paid } = input
  if (held.collection === 'post_replies') {
    const reply = input.target as unknown as ReplyDoc
    const before = reply.status === 'visible'
    const after = visibility === 'visible'
    if (before !== after) await moveReplyCount(tx, reply.postId, after ? 1 : -1)
    return {}
  }
  if (held.collection !== 'posts' || held.kind !== 'post') return {}
  const post = input.target as unknown as PostDoc
  if (visibility !== 'visible' && post.ad) await giveAdPostBack(tx, post)
  if (!held.reward) return {}
  if (!paid) return { unpaidReason: UNPAID_TEXT.rejected }
  // Paid before (a retried approval): the post already says so.
  if (paid.duplicate) return {}
  return { points: paid.delta, unpaidReason: paid.capped ? UNPAID_TEXT.capped : null }
}

/** A rejected ad post was never published: its month's allowance counts it no more. */
async function giveAdPostBack(tx: Transaction, post: PostDoc): Promise<void> {
  const approval = await txGetOrNull<AdApplicationDoc>(tx, 'ad_applications', post.memberId)
  const month = shanghaiMonthKey(new Date(post.createdAt))
  if (!approval?.used || approval.used.month !== month || approval.used.count <= 0) return
  await tx
    .collection('ad_applications')
    .doc(approval._id)
    .update({ data: { used: { month, count: approval.used.count - 1 } } })
}
