/**
 * Ads need approval (三证): a member applies with a business licence, a product qualification and
 * user reviews (images, accepted and media-checked as evidence); staff approve with a monthly number
 * of ad posts (限量发布) or refuse with a reason. `ad_applications/<memberId>`: one application per
 * member, re-submitted after a refusal. square.post with `ad: true` spends one of the month's posts
 * in its transaction (posting.ts) and the post is labelled 广告. Unapproved members' ad-like posts are
 * held by the community's word list like any other text.
 */
import { memberId } from '../core/community'
import { squareInputs, type AdApplicationView } from '../core/contracts/square'
import { accessFor } from '../core/rights'
import { EVERY_MEMBER } from '../core/roles'
import {
  AD_DEFAULT_MONTHLY_QUOTA,
  AD_DOCUMENTS,
  adPostsLeft,
  type AdDocument,
  type AdStatus,
} from '../core/square'
import { shanghaiMonthKey } from '../core/time'
import { findMany, getDocOrNull, inTransaction, txGetOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import { memberAction } from '../runtime/handler'
import { acceptImage } from '../runtime/images'
import { SCENE, screenStaffText } from '../runtime/moderation'
import { nextCursor, pageOf } from '../runtime/paging'

export interface AdApplicationDoc {
  _id: string
  communityId: string
  openid: string
  nickname: string
  documents: Record<AdDocument, string>
  status: AdStatus
  quotaPerMonth: number
  used?: { month: string; count: number } | null
  reason?: string | null
  createdAt: Date
  decidedAt?: Date | null
  decidedBy?: string | null
}

const STATUS_NAMES: Record<AdStatus, string> = { pending: '审核中', approved: '已通过', refused: '未通过' }

export function applicationView(doc: AdApplicationDoc, now: Date): AdApplicationView {
  return {
    id: doc._id,
    nickname: doc.nickname,
    status: doc.status,
    statusName: STATUS_NAMES[doc.status],
    documents: { ...doc.documents },
    quotaPerMonth: doc.quotaPerMonth,
    postsLeft: adPostsLeft(doc, shanghaiMonthKey(now)),
    reason: doc.reason ?? null,
    createdAt: new Date(doc.createdAt).toISOString(),
    decidedAt: doc.decidedAt ? new Date(doc.decidedAt).toISOString() : null,
  }
}

export const applyAds = memberAction({
  input: squareInputs.applyAds,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<{ application: AdApplicationView }> {
    const { community, member } = ctx.membership
    for (const key of AD_DOCUMENTS)
      await acceptImage(ctx.db, {
        communityId: community._id,
        openid: member.openid,
        fileId: input[key],
        purpose: 'evidence',
        now: ctx.now,
      })
    const id = member._id
    const doc = await inTransaction(ctx.db, async (tx) => {
      const found = await txGetOrNull<AdApplicationDoc>(tx, 'ad_applications', id)
      // An approval stands until staff change it; a refusal or a pending one is submitted afresh.
      if (found?.status === 'approved') return found
      const row: AdApplicationDoc = {
        _id: id,
        communityId: community._id,
        openid: member.openid,
        nickname: member.nickname,
        documents: { licence: input.licence, qualification: input.qualification, reviews: input.reviews },
        status: 'pending',
        quotaPerMonth: found?.quotaPerMonth ?? AD_DEFAULT_MONTHLY_QUOTA,
        used: found?.used ?? null,
        reason: null,
        createdAt: ctx.now,
        decidedAt: null,
        decidedBy: null,
      }
      const { _id, ...fields } = row
      await tx.collection('ad_applications').doc(_id).set({ data: fields })
      return row
    })
    return { application: applicationView(doc, ctx.now) }
  },
})

export const adStatus = memberAction({
  input: squareInputs.adStatus,
  access: EVERY_MEMBER,
  async run(ctx): Promise<{ application: AdApplicationView | null }> {
    const doc = await getDocOrNull<AdApplicationDoc>(ctx.db, 'ad_applications', ctx.membership.member._id)
    return { application: doc ? applicationView(doc, ctx.now) : null }
  },
})

export const adApplications = memberAction({
  input: squareInputs.adApplications,
  access: accessFor('square'),
  async run(ctx, input): Promise<{ items: AdApplicationView[]; nextCursor: string | null }> {
    const { offset, limit } = pageOf(input)
    const rows = await findMany<AdApplicationDoc>(
      ctx.db
        .collection('ad_applications')
        .where({ communityId: ctx.membership.community._id, status: input.status ?? 'pending' })
        .orderBy('createdAt', 'desc')
        .skip(offset)
        .limit(limit),
    )
    return {
      items: rows.map((r) => applicationView(r, ctx.now)),
      nextCursor: nextCursor(offset, limit, rows.length),
    }
  },
})

export const decideAds = memberAction({
  input: squareInputs.decideAds,
  access: accessFor('square'),
  async run(ctx, input): Promise<{ application: AdApplicationView }> {
    const { community, member } = ctx.membership
    if (input.reason)
      await screenStaffText(ctx.db, {
        communityId: community._id,
        openid: member.openid,
        scene: SCENE.comment,
        what: '审核意见',
        texts: [input.reason],
      })
    const doc = await inTransaction(ctx.db, async (tx) => {
      const found = await txGetOrNull<AdApplicationDoc>(tx, 'ad_applications', input.applicationId)
      if (!found || found.communityId !== community._id) return fail('NOT_FOUND', '申请不存在')
      if (found._id === memberId(community._id, member.openid))
        return fail('FORBIDDEN', '不能审核自己的广告申请')
      const fields = {
        status: (input.decision === 'approve' ? 'approved' : 'refused') as AdStatus,
        quotaPerMonth: input.quotaPerMonth ?? found.quotaPerMonth,
        reason: input.reason ?? null,
        decidedAt: ctx.now,
        decidedBy: member.openid,
      }
      await tx.collection('ad_applications').doc(found._id).update({ data: fields })
      return { ...found, ...fields }
    })
    return { application: applicationView(doc, ctx.now) }
  },
})
