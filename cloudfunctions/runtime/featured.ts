/**
 * Marking quality content (精选, 优质内容), one step for check-in notes and square posts: inside the
 * caller's transaction, pay the author from the 'quality' rule under the item's source
 * (core/featured qualitySource: once per item), write the audit row and count a featured item in
 * the author's week. The caller marks its own document.
 */
import { qualitySource, type FeaturedKind } from '../core/featured'
import type { PointRule } from '../core/points'
import { recordActivity } from './activity'
import { writeAudit } from './audit'
import type { Transaction } from './db'
import { postInTransaction } from './ledger'

export async function payFeatured(
  tx: Transaction,
  input: {
    communityId: string
    kind: FeaturedKind
    /** The item's key within its kind: a check-in's day, a post's id. */
    key: string
    author: { openid: string; memberId: string; nickname: string }
    staff: { openid: string; nickname: string }
    /** What to pay (0: featured without points) and the rule's daily cap. */
    points: number
    rule: PointRule
    reason: string
    now: Date
  },
): Promise<number> {
  const source = qualitySource(input.kind, input.key)
  let points = 0
  if (input.points > 0) {
    const paid = await postInTransaction(tx, {
      communityId: input.communityId,
      openid: input.author.openid,
      source,
      kind: 'earn',
      delta: input.points,
      reason: input.reason,
      cap: { rule: 'quality', dailyCap: input.rule.dailyCap },
      by: input.staff.openid,
      now: input.now,
    })
    points = paid.delta
  }
  await writeAudit(tx, {
    communityId: input.communityId,
    kind: 'feature',
    by: input.staff.openid,
    byNickname: input.staff.nickname,
    target: input.author.memberId,
    targetNickname: input.author.nickname,
    amount: points,
    source,
    reason: input.reason,
    requestId: null,
    createdAt: input.now,
  })
  await recordActivity(tx, {
    communityId: input.communityId,
    openid: input.author.openid,
    now: input.now,
    add: { featured: 1 },
    active: false,
  })
  return points
}
