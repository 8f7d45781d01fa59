/**
 * Reading the square. Every list is one indexed query plus one read of the caller's likes on the
 * page: newest (createdAt), hot (the stored hot score, offset-paged), one theme, the caller's own
 * posts, 精选. Pinned announcements ride on the community document the membership read brings.
 */
import { squareInputs, type DetailResult, type FeedResult, type ThemeView } from '../core/contracts/square'
import { can } from '../core/rights'
import { EVERY_MEMBER } from '../core/roles'
import { postLikeId, reportId } from '../core/square'
import { shanghaiDayKey } from '../core/time'
import { findMany, getDocOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import { memberAction, type MemberActionContext } from '../runtime/handler'
import { newestFirst, nextCursor, pageOf } from '../runtime/paging'
import {
  mayView,
  pinnedOf,
  postOf,
  postView,
  replyView,
  staffTools,
  topicView,
  weeklyThemes,
  type PostDoc,
  type PostLikeDoc,
  type ReplyDoc,
  type ThemeDoc,
} from './records'

const DEFAULT_LIMIT = 10

export const themes = memberAction({
  input: squareInputs.themes,
  access: EVERY_MEMBER,
  async run(ctx): Promise<{ themes: ThemeView[] }> {
    const topics = await findMany<ThemeDoc>(
      ctx.db
        .collection('square_themes')
        .where({ communityId: ctx.membership.community._id, status: 'open' })
        .orderBy('createdAt', 'desc')
        .limit(20),
    )
    return { themes: [...topics.map(topicView), ...weeklyThemes(shanghaiDayKey(ctx.now))] }
  },
})

/** Which of `ids` the caller liked: one read by id. */
async function likedOf(ctx: MemberActionContext, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set()
  const _ = ctx.db.command
  const rows = await findMany<PostLikeDoc>(
    ctx.db
      .collection('post_likes')
      .where({ _id: _.in(ids.map((id) => postLikeId(id, ctx.membership.member.openid))) })
      .limit(ids.length),
  )
  return new Set(rows.map((r) => r.postId))
}

export const feed = memberAction({
  input: squareInputs.feed,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<FeedResult> {
    const { community, member } = ctx.membership
    const limit = input.limit ?? DEFAULT_LIMIT
    const scope = input.scope ?? 'all'
    const order = input.order ?? 'newest'
    const base = { communityId: community._id }
    let page: PostDoc[]
    let next: string | null
    if (scope === 'all' && order === 'hot' && !input.themeId) {
      const { offset } = pageOf({ cursor: input.cursor, limit })
      page = await findMany<PostDoc>(
        ctx.db
          .collection('posts')
          .where({ ...base, status: 'visible' })
          .orderBy('hot', 'desc')
          .orderBy('_id', 'desc')
          .skip(offset)
          .limit(limit),
      )
      next = nextCursor(offset, limit, page.length)
    } else {
      const where =
        scope === 'mine'
          ? { ...base, authorId: member.openid }
          : scope === 'featured'
            ? { ...base, featured: true, status: 'visible' }
            : input.themeId
              ? { ...base, themeId: input.themeId, status: 'visible' }
              : { ...base, status: 'visible' }
      const res = await newestFirst<PostDoc>(ctx.db, 'posts', where, input.cursor, limit)
      // The author's own list leaves out what staff deleted (they were told, with the reason).
      page = scope === 'mine' ? res.page.filter((p) => p.status !== 'deleted') : res.page
      next = res.nextCursor
    }
    const staff = await staffTools(ctx)
    const liked = await likedOf(
      ctx,
      page.map((p) => p._id),
    )
    return {
      items: page.map((p) => postView(p, member, liked.has(p._id), !!staff)),
      nextCursor: next,
      pinned: scope === 'all' && !input.themeId && !input.cursor ? pinnedOf(community) : [],
      staff,
    }
  },
})

export const detail = memberAction({
  input: squareInputs.detail,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<DetailResult> {
    const { member } = ctx.membership
    const staff = await staffTools(ctx)
    const doc = await postOf(ctx, input.postId)
    if (!mayView(doc, member, can(member.role, 'square'))) fail('NOT_FOUND', '帖子不存在或已被隐藏')
    const { offset, limit } = pageOf({ cursor: input.cursor, limit: 20 })
    const _ = ctx.db.command
    // Members read the visible replies and their own; staff read all but the deleted.
    const where = staff
      ? { postId: doc._id, status: _.neq('deleted') }
      : { postId: doc._id, status: 'visible' }
    const [rows, like, report] = await Promise.all([
      findMany<ReplyDoc>(
        ctx.db.collection('post_replies').where(where).orderBy('createdAt', 'asc').skip(offset).limit(limit),
      ),
      getDocOrNull<PostLikeDoc>(ctx.db, 'post_likes', postLikeId(doc._id, member.openid)),
      getDocOrNull(ctx.db, 'post_reports', reportId(doc._id, member.openid)),
    ])
    return {
      post: postView(doc, member, !!like, !!staff),
      replies: rows.map((r) => replyView(r, member)),
      nextCursor: nextCursor(offset, limit, rows.length),
      staff,
      reportedByMe: !!report,
    }
  },
})
