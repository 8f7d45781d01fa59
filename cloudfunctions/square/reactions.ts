/**
 * Likes and reports. A like is one doc per member per post, written with the post's count and hot
 * score in one transaction (idempotent: a second like changes nothing; never one's own post). A
 * report is one doc per member per post or reply; each puts the target in the moderation queue
 * (held_content, kind post_reported / reply_reported, with the count and the latest reasons) while it
 * stays visible, and REPORTS_TO_HIDE
 * distinct reporters hide it (status held) until staff decide there: approve shows it again,
 * reject keeps it down.
 */
import { squareInputs, type LikeResult, type ReportResult } from '../core/contracts/square'
import { EVERY_MEMBER } from '../core/roles'
import { hiddenByReports, hotScore, postLikeId, reportId, withReportReason } from '../core/square'
import { recordLikeActivity } from '../runtime/activity'
import { inTransaction, txGetOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import { memberAction, type MemberActionContext } from '../runtime/handler'
import { holdInTransaction } from '../runtime/moderation'
import { HOT_POST } from './posting'
import {
  moveReplyCount,
  postOf,
  type PostDoc,
  type PostLikeDoc,
  type ReplyDoc,
  type ReportDoc,
} from './records'

async function setLike(ctx: MemberActionContext, postId: string, liked: boolean): Promise<LikeResult> {
  const { community, member } = ctx.membership
  // The post is read in the transaction only: every refusal is decided there, before any write.
  const target = { _id: postId }
  const id = postLikeId(postId, member.openid)
  const now = ctx.now
  return inTransaction(
    ctx.db,
    async (tx) => {
      const [like, doc] = await Promise.all([
        txGetOrNull<PostLikeDoc>(tx, 'post_likes', id),
        txGetOrNull<PostDoc>(tx, 'posts', target._id),
      ])
      if (!doc || doc.communityId !== community._id) return fail('NOT_FOUND', '帖子不存在')
      if (liked && doc.authorId === member.openid) return fail('LIKE_OWN_POST')
      const likes = doc.likeCount ?? 0
      if (!!like === liked) return { postId, liked: !!like, likes }
      // Liking needs a visible post; taking a like back is always allowed.
      if (liked && doc.status !== 'visible') return fail('POST_NOT_OPEN')
      if (liked) {
        const row: Omit<PostLikeDoc, '_id'> = {
          communityId: community._id,
          postId: target._id,
          openid: member.openid,
          createdAt: now,
        }
        await tx.collection('post_likes').doc(id).set({ data: row })
      } else {
        await tx.collection('post_likes').doc(id).remove()
      }
      const count = Math.max(0, likes + (liked ? 1 : -1))
      await tx
        .collection('posts')
        .doc(target._id)
        .update({
          data: {
            likeCount: count,
            hot: hotScore({ likes: count, replies: doc.replyCount ?? 0, createdAt: new Date(doc.createdAt) }),
          },
        })
      // Value score: the author's likes received (in the like's own week), the liker's activity.
      await recordLikeActivity(tx, {
        communityId: community._id,
        authorId: doc.authorId,
        likerId: member.openid,
        liked,
        earlier: like,
        now,
      })
      return { postId, liked, likes: count }
    },
    HOT_POST,
  )
}

export const like = memberAction({
  input: squareInputs.like,
  access: EVERY_MEMBER,
  run: (ctx, input) => setLike(ctx, input.postId, true),
})

export const unlike = memberAction({
  input: squareInputs.unlike,
  access: EVERY_MEMBER,
  run: (ctx, input) => setLike(ctx, input.postId, false),
})

export const report = memberAction({
  input: squareInputs.report,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<ReportResult> {
    const { community, member } = ctx.membership
    const post = await postOf(ctx, input.postId)
    const collection = input.replyId ? 'post_replies' : 'posts'
    const targetId = input.replyId ?? post._id
    const now = ctx.now
    return inTransaction(
      ctx.db,
      async (tx) => {
        const rid = reportId(targetId, member.openid)
        const [mine, target] = await Promise.all([
          txGetOrNull<ReportDoc>(tx, 'post_reports', rid),
          txGetOrNull<PostDoc | ReplyDoc>(tx, collection, targetId),
        ])
        if (!target || target.communityId !== community._id) return fail('NOT_FOUND')
        if ('postId' in target && target.postId !== post._id) return fail('NOT_FOUND')
        if (target.authorId === member.openid) return fail('REPORT_OWN_POST')
        if (mine) return { reported: true, hidden: target.status !== 'visible' }
        if (target.status !== 'visible') return fail('POST_NOT_OPEN')
        const row: Omit<ReportDoc, '_id'> = {
          communityId: community._id,
          postId: post._id,
          replyId: input.replyId ?? null,
          openid: member.openid,
          reason: input.reason,
          createdAt: now,
        }
        await tx.collection('post_reports').doc(rid).set({ data: row })
        const count = (target.reportCount ?? 0) + 1
        const hide = hiddenByReports(count, target.status)
        const reports = { count, reasons: withReportReason(target.reportReasons, input.reason) }
        await tx
          .collection(collection)
          .doc(targetId)
          .update({
            data: { reportCount: count, reportReasons: reports.reasons, ...(hide ? { status: 'held' } : {}) },
          })
        // Each report (re)queues it for staff with the count and the latest reasons: a decision made
        // since an earlier report is reopened, as a new reporter has spoken.
        await holdInTransaction(
          tx,
          { verdict: 'review', heldBy: 'reports' },
          {
            communityId: community._id,
            openid: target.authorId,
            kind: input.replyId ? 'reply_reported' : 'post_reported',
            collection,
            docId: targetId,
            text: target.text,
            reports,
            now,
          },
        )
        if (hide && collection === 'post_replies') await moveReplyCount(tx, post._id, -1)
        if (hide && collection === 'posts' && (target as PostDoc).pinned)
          await tx
            .collection('communities')
            .doc(community._id)
            .update({
              data: {
                squarePinned: pinnedWithout(community, targetId),
              },
            })
        return { reported: true, hidden: hide }
      },
      HOT_POST,
    )
  },
})

/** The community's pinned list without `postId`. */
export function pinnedWithout(community: object, postId: string): object[] {
  const list = (community as { squarePinned?: { id: string }[] }).squarePinned ?? []
  return list.filter((p) => p.id !== postId)
}
