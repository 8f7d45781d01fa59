import { mallInputs, type RedeemResult } from '../../core/contracts/mall'
import { cleanDelivery, deliveryProblems, needsDelivery } from '../../core/delivery'
import { deliveredAtOnce, orderId, orderSpendReason, orderSpendSource } from '../../core/mall'
import { ledgerId } from '../../core/points'
import { EVERY_MEMBER } from '../../core/roles'
import { getDocOrNull, inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { postToDraft } from '../../runtime/ledger'
import { draftMember } from '../../runtime/member-write'
import {
  limitIdOf,
  orderView,
  refusalOf,
  type ItemDoc,
  type LimitDoc,
  type MallMember,
  type OrderDoc,
} from '../items-and-orders'

/**
 * Redeem one item: one transaction reads the order (idempotency), the item, the member and their
 * limit counter, decides with core/mall.redeemRefusal (shared.refusalOf), and writes the stock, the counter, the ledger's
 * spend row (with the balance), the order (with where a physical gift goes) and any virtual delivery together.
 * A physical gift needs a delivery: an address (core/delivery.deliveryProblems decides, before anything is
 * read) or an offline pickup; a bad one is refused with nothing written and no points spent.
 *
 * Why the invariants hold under any number of parallel redemptions: the local cloud and the real
 * service run transactions under snapshot isolation, and two transactions that write the same document
 * cannot both commit. Every redemption of an item writes the item document, so redemptions of one item
 * are serialised: each one that commits saw the stock the previous one left, and stock − 1 is written
 * only when it read stock ≥ 1. Likewise every redemption by a member writes their member document (the
 * balance) and their limit counter, so their balance and count checks are serialised too. The order id
 * comes from the requestId, so a retried or doubled tap finds (or conflicts with) the same order, and
 * the ledger row id comes from the order's source, so one order has exactly one spend row. A refusal
 * writes nothing and so never conflicts: once the stock is gone, the rest are answered 已兑完 at once.
 * Conflicts are retried by runtime/db.inTransaction; tools/bench/mall.ts measures a 200-way burst.
 */
export default memberAction({
  input: mallInputs.redeem,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<RedeemResult> {
    const { db, membership, now } = ctx
    const communityId = membership.community._id
    const { openid, nickname } = membership.member
    const id = orderId(communityId, openid, input.requestId)
    const source = orderSpendSource(input.requestId)
    const problems = input.delivery ? deliveryProblems(input.delivery) : null
    if (problems) {
      // Keyed by input path, like the schema's own field errors.
      const fields = Object.fromEntries(Object.entries(problems).map(([k, v]) => [`delivery.${k}`, v]))
      return fail('INVALID_INPUT', Object.values(problems)[0], fields)
    }
    const delivery = input.delivery ? cleanDelivery(input.delivery) : null

    // A sold-out (or withdrawn) item is refused before any transaction: one read of the item, and of
    // the order only to answer a retried redemption that already succeeded as it did.
    const seen = await getDocOrNull<ItemDoc>(db, 'mall_items', input.itemId)
    const early = seen && seen.communityId === communityId ? refusalOf(seen, membership.member, 0) : null
    if (early && (early.code === 'SOLD_OUT' || early.code === 'ITEM_OFF_SHELF')) {
      const done = await getDocOrNull<OrderDoc>(db, 'mall_orders', id)
      if (done) return { order: orderView(done), balance: membership.member.balance, duplicate: true }
      return fail(early.code, early.message)
    }

    return inTransaction(db, async (tx) => {
      const [existing, item, draft] = await Promise.all([
        txGetOrNull<OrderDoc>(tx, 'mall_orders', id),
        txGetOrNull<ItemDoc>(tx, 'mall_items', input.itemId),
        draftMember<MallMember>(tx, communityId, openid),
      ])
      if (!draft) return fail('NOT_MEMBER')
      const member = draft.doc
      if (existing) return { order: orderView(existing), balance: member.balance, duplicate: true }
      if (!item || item.communityId !== communityId) return fail('NOT_FOUND', '找不到这件商品')

      const limitId = limitIdOf(communityId, openid, item, now)
      const used = limitId ? ((await txGetOrNull<LimitDoc>(tx, 'mall_limits', limitId))?.count ?? 0) : 0
      const refusal = refusalOf(item, member, used)
      if (refusal) return fail(refusal.code, refusal.message)
      const travels = needsDelivery(item.kind)
      if (travels && !delivery)
        return fail('INVALID_INPUT', '请选择收货方式：邮寄到地址或线下领取', {
          delivery: '请选择收货方式：邮寄到地址或线下领取',
        })
      const owned = member.ownedTitles ?? []
      if (item.kind === 'title' && item.titleText && owned.includes(item.titleText))
        return fail('LIMIT_REACHED', `你已拥有头衔「${item.titleText}」`)

      // The item first: it is the document parallel redemptions meet on, so a conflict shows early.
      await tx
        .collection('mall_items')
        .doc(item._id)
        .update({ data: { stock: item.stock - 1, updatedAt: now } })
      const posted = await postToDraft(tx, draft, {
        communityId,
        openid,
        source,
        kind: 'spend',
        delta: -item.price,
        reason: orderSpendReason(item.name),
        now,
        // The order is this source's, written with it: no order, no spend row.
        sourceIsNew: true,
      })
      if (limitId)
        await tx
          .collection('mall_limits')
          .doc(limitId)
          .set({ data: { count: used + 1, communityId, openid, itemId: item._id } })

      const atOnce = deliveredAtOnce(item.kind)
      let note: string | null = null
      if (item.kind === 'makeup_card') {
        const cards = item.cardCount ?? 1
        draft.set({ makeupCards: (member.makeupCards ?? 0) + cards })
        note = `${cards} 张补签卡已放入背包`
      } else if (item.kind === 'title' && item.titleText) {
        draft.set({ ownedTitles: [...owned, item.titleText] })
        note = `已获得头衔「${item.titleText}」，可在背包中佩戴`
      }
      const order: OrderDoc = {
        _id: id,
        communityId,
        openid,
        nickname,
        requestId: input.requestId,
        itemId: item._id,
        itemName: item.name,
        kind: item.kind,
        price: item.price,
        limitId,
        status: atOnce ? 'fulfilled' : 'pending',
        delivery: travels ? delivery : null,
        shipment: null,
        note,
        spendLedgerId: ledgerId(communityId, openid, source),
        refundLedgerId: null,
        cardCount: item.kind === 'makeup_card' ? (item.cardCount ?? 1) : null,
        titleText: item.kind === 'title' ? item.titleText : null,
        handledBy: null,
        createdAt: now,
        updatedAt: now,
      }
      const { _id, ...data } = order
      await tx.collection('mall_orders').doc(_id).set({ data })
      await draft.write(tx)
      return { order: orderView(order), balance: posted.balance, duplicate: false }
    })
  },
})
