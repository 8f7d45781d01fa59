import { mallInputs, type ItemView } from '../../core/contracts/mall'
import { itemProblems } from '../../core/mall'
import { accessFor } from '../../core/rights'
import { inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { acceptImages } from '../../runtime/images'
import { SCENE, screenStaffText } from '../../runtime/moderation'
import { itemView, type ItemDoc } from '../items-and-orders'

/**
 * Create an item (its id comes from the requestId, so a retried save makes one item) or edit one.
 * `stock` is what is left to redeem: an edit sets it, redemptions and cancellations move it.
 */
export default memberAction({
  input: mallInputs.saveItem,
  access: accessFor('mall'),
  async run(ctx, input): Promise<ItemView> {
    const { db, membership, now, caller } = ctx
    const communityId = membership.community._id
    const draft = input.item
    const problems = itemProblems(draft)
    if (problems) {
      // Keyed by input path, like the schema's own field errors.
      const fields = Object.fromEntries(Object.entries(problems).map(([k, v]) => [`item.${k}`, v]))
      return fail('INVALID_INPUT', Object.values(problems)[0], fields)
    }
    // Every member browses the mall: the item's words pass the same screening as member text.
    await screenStaffText(db, {
      communityId,
      openid: caller.openid,
      scene: SCENE.forum,
      what: '商品信息',
      texts: [draft.name, draft.description, draft.kind === 'title' ? draft.titleText : null],
    })
    // Uploaded images must be the manager's own files, and are screened before members see them.
    await acceptImages(db, draft.images, { communityId, openid: caller.openid, purpose: 'item', now })
    const fields = {
      kind: draft.kind,
      name: draft.name,
      description: draft.description,
      images: draft.images,
      price: draft.price,
      stock: draft.stock,
      limit: draft.limit,
      minLevel: draft.minLevel,
      onShelf: draft.onShelf,
      cardCount: draft.kind === 'makeup_card' ? (draft.cardCount ?? 1) : null,
      titleText: draft.kind === 'title' ? (draft.titleText ?? null) : null,
      updatedAt: now,
    }
    const id = input.id ?? `${communityId}:${input.requestId}`
    return inTransaction(db, async (tx) => {
      const existing = await txGetOrNull<ItemDoc>(tx, 'mall_items', id)
      if (existing && existing.communityId !== communityId) return fail('NOT_FOUND', '找不到这件商品')
      if (input.id) {
        if (!existing) return fail('NOT_FOUND', '找不到这件商品')
        if (existing.kind !== draft.kind)
          return fail('INVALID_INPUT', '商品类型创建后不能修改', { 'item.kind': '商品类型创建后不能修改' })
        await tx.collection('mall_items').doc(id).update({ data: fields })
        return itemView({ ...existing, ...fields })
      }
      if (existing) return itemView(existing)
      const item: Omit<ItemDoc, '_id'> = { ...fields, communityId, createdBy: caller.openid, createdAt: now }
      await tx.collection('mall_items').doc(id).set({ data: item })
      return itemView({ _id: id, ...item })
    })
  },
})
