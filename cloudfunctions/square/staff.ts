/**
 * Staff tools in the square: pin (群公告), hide, delete and restore with a reason (the author is
 * told: the reason on their post, and a subscribe message where they subscribed), a violation in
 * the same tap (sanctions' recordViolation), category corrections, 精选 with the check-in notes'
 * rule (core/featured), revoking a valued post's pay with a compensating ledger row, topics, and
 * the content mix against 3:5:2.
 */
import {
  squareInputs,
  type MixResult,
  type MixWeek,
  type ModerateResult,
  type ThemeView,
} from '../core/contracts/square'
import { memberId } from '../core/community'
import { defaultFeaturedPoints } from '../core/featured'
import { messageThing } from '../core/notify'
import { ledgerId, ledgerReason } from '../core/points'
import { accessFor, can } from '../core/rights'
import {
  CONTENT_CATEGORIES,
  CONTENT_MIX_TARGET,
  contentMix,
  HEALTHY_POSTS_PER_DAY,
  postRevokeSource,
  postSource,
  type ContentCategory,
} from '../core/square'
import { addDays, addWeeks, shanghaiDateTimeText, shanghaiDayKey, shanghaiWeekKey } from '../core/time'
import { writeAudit } from '../runtime/audit'
import { inTransaction, txGetOrNull } from '../runtime/db'
import { payFeatured } from '../runtime/featured'
import { fail } from '../runtime/errors'
import { memberAction } from '../runtime/handler'
import { loadPointRules, postInTransaction, type LedgerRow } from '../runtime/ledger'
import type { CommunityDoc } from '../runtime/membership'
import { SCENE, screenStaffText } from '../runtime/moderation'
import { sendSubscribeMessage } from '../runtime/notify'
import { recordViolation } from '../sanctions/record'
import { pinnedWithout } from './reactions'
import {
  moveReplyCount,
  PINNED_MAX,
  pinnedSnapshot,
  postOf,
  topicView,
  type PinnedSnapshot,
  type PostDoc,
  type ReplyDoc,
  type ThemeDoc,
} from './records'

const OP_NAMES = { hide: '隐藏', delete: '删除', restore: '恢复', pin: '置顶', unpin: '取消置顶' } as const

export const moderate = memberAction({
  input: squareInputs.moderate,
  access: accessFor('square'),
  async run(ctx, input): Promise<ModerateResult> {
    const { community, member } = ctx.membership
    const cid = community._id
    const now = ctx.now
    const post = await postOf(ctx, input.postId)
    if (input.replyId && (input.op === 'pin' || input.op === 'unpin'))
      fail('INVALID_INPUT', '只能置顶帖子', { op: '只能置顶帖子' })
    if (input.recordViolation && !can(member.role, 'sanctions')) fail('FORBIDDEN')
    if (input.recordViolation && !input.reason) fail('INVALID_INPUT', '请写明原因', { reason: '请写明原因' })
    if (input.reason)
      await screenStaffText(ctx.db, {
        communityId: cid,
        openid: member.openid,
        scene: SCENE.comment,
        what: '处理原因',
        texts: [input.reason],
      })
    const collection = input.replyId ? 'post_replies' : 'posts'
    const targetId = input.replyId ?? post._id
    const result = await inTransaction(ctx.db, async (tx) => {
      const [target, communityNow] = await Promise.all([
        txGetOrNull<PostDoc | ReplyDoc>(tx, collection, targetId),
        txGetOrNull<CommunityDoc & { squarePinned?: PinnedSnapshot[] }>(tx, 'communities', cid),
      ])
      if (!target || target.communityId !== cid) return fail('NOT_FOUND')
      if ('postId' in target && target.postId !== post._id) return fail('NOT_FOUND')
      const pinnedList = communityNow?.squarePinned ?? []
      const fields: Record<string, unknown> = {}
      let pinned = !input.replyId && !!(target as PostDoc).pinned
      if (input.op === 'pin') {
        if (target.status !== 'visible') return fail('POST_NOT_OPEN', '只能置顶公开的帖子')
        pinned = true
        fields.pinned = true
        const list = [pinnedSnapshot(target as PostDoc), ...pinnedList.filter((p) => p.id !== targetId)]
        await tx
          .collection('communities')
          .doc(cid)
          .update({ data: { squarePinned: list.slice(0, PINNED_MAX) } })
      } else if (input.op === 'unpin' || input.op === 'hide' || input.op === 'delete') {
        if (input.op !== 'unpin') {
          fields.status = input.op === 'hide' ? 'hidden' : 'deleted'
          fields.moderation = { op: input.op, reason: input.reason, by: member.openid, at: now }
        }
        if (pinned) {
          pinned = false
          fields.pinned = false
          await tx
            .collection('communities')
            .doc(cid)
            .update({ data: { squarePinned: pinnedWithout({ squarePinned: pinnedList }, targetId) } })
        }
      } else {
        fields.status = 'visible'
        fields.moderation = null
      }
      await tx.collection(collection).doc(targetId).update({ data: fields })
      // A post's reply count is of the replies others read: a reply hidden or shown again moves it.
      const status = (fields.status as string | undefined) ?? target.status
      if (input.replyId && (status === 'visible') !== (target.status === 'visible'))
        await moveReplyCount(tx, post._id, status === 'visible' ? 1 : -1)
      return { target, status: (fields.status as string) ?? target.status, pinned }
    })
    let notified = false
    let violationRecorded = false
    const { target } = result
    const tellAuthor = input.op === 'hide' || input.op === 'delete'
    if (tellAuthor) {
      const sent = await sendSubscribeMessage({
        openid: target.authorId,
        template: 'contentNotice',
        data: {
          thing1: messageThing(`你的${input.replyId ? '回复' : '帖子'}已被${OP_NAMES[input.op]}`),
          thing2: messageThing(input.reason ?? ''),
          time3: shanghaiDateTimeText(now),
        },
        page: `packages/square/post/index?id=${post._id}`,
      })
      notified = sent.sent
    }
    if (input.recordViolation && input.reason) {
      await recordViolation(ctx, { memberId: memberId(cid, target.authorId), reason: input.reason })
      violationRecorded = true
    }
    return {
      postId: post._id,
      replyId: input.replyId ?? null,
      status: result.status as ModerateResult['status'],
      pinned: result.pinned,
      notified,
      violationRecorded,
    }
  },
})

export const setCategory = memberAction({
  input: squareInputs.setCategory,
  access: accessFor('square'),
  async run(ctx, input): Promise<{ postId: string; category: ContentCategory }> {
    const post = await postOf(ctx, input.postId)
    if (post.category !== input.category)
      await ctx.db
        .collection('posts')
        .doc(post._id)
        .update({ data: { category: input.category, categoryBy: ctx.membership.member.openid } })
    return { postId: post._id, category: input.category }
  },
})

/** 精选 (优质内容): the check-in notes' rule (core/featured), paid once per post. */
export const feature = memberAction({
  input: squareInputs.feature,
  access: accessFor('featured'),
  async run(ctx, input): Promise<{ postId: string; alreadyFeatured: boolean; points: number }> {
    const { community, member } = ctx.membership
    const post = await postOf(ctx, input.postId)
    if (post.status !== 'visible') fail('POST_NOT_OPEN')
    if (post.authorId === member.openid) fail('FEATURE_OWN_POST')
    const rule = (await loadPointRules(ctx.db, community._id)).quality
    const wanted = rule.enabled ? (input.points ?? defaultFeaturedPoints(rule)) : 0
    const now = ctx.now
    const reason = ledgerReason('quality', '广场帖子被设为精选')
    return inTransaction(ctx.db, async (tx) => {
      const doc = await txGetOrNull<PostDoc>(tx, 'posts', post._id)
      if (!doc || doc.status !== 'visible') return fail('POST_NOT_OPEN')
      if (doc.featured) return { postId: doc._id, alreadyFeatured: true, points: doc.quality?.points ?? 0 }
      const points = await payFeatured(tx, {
        communityId: community._id,
        kind: 'post',
        key: doc._id,
        author: { openid: doc.authorId, memberId: doc.memberId, nickname: doc.nickname },
        staff: member,
        points: wanted,
        rule,
        reason,
        now,
      })
      await tx
        .collection('posts')
        .doc(doc._id)
        .update({ data: { featured: true, quality: { by: member.openid, at: now, points } } })
      return { postId: doc._id, alreadyFeatured: false, points }
    })
  },
})

/** Take back a valued post's pay: a compensating ledger row (source post-revoke:<id>), never an edit. */
export const revoke = memberAction({
  input: squareInputs.revoke,
  access: accessFor('square'),
  async run(ctx, input): Promise<{ postId: string; revoked: number; alreadyRevoked: boolean }> {
    const { community, member } = ctx.membership
    const cid = community._id
    const post = await postOf(ctx, input.postId)
    await screenStaffText(ctx.db, {
      communityId: cid,
      openid: member.openid,
      scene: SCENE.comment,
      what: '撤销原因',
      texts: [input.reason],
    })
    const now = ctx.now
    return inTransaction(ctx.db, async (tx) => {
      const [doc, paid] = await Promise.all([
        txGetOrNull<PostDoc>(tx, 'posts', post._id),
        txGetOrNull<LedgerRow>(tx, 'ledger', ledgerId(cid, post.authorId, postSource(post._id))),
      ])
      if (!doc) return fail('NOT_FOUND')
      if (doc.revoked) return { postId: doc._id, revoked: doc.revoked.points, alreadyRevoked: true }
      if (!paid || paid.delta <= 0) return fail('NOTHING_TO_REVOKE')
      const reason = `撤销有效发言：${input.reason}`
      const row = await postInTransaction(tx, {
        communityId: cid,
        openid: doc.authorId,
        source: postRevokeSource(doc._id),
        kind: 'adjust',
        delta: -paid.delta,
        reason,
        by: member.openid,
        now,
      })
      await tx
        .collection('posts')
        .doc(doc._id)
        .update({
          data: { revoked: { by: member.openid, at: now, reason: input.reason, points: paid.delta } },
        })
      await writeAudit(
        tx,
        {
          communityId: cid,
          kind: 'post_revoke',
          by: member.openid,
          byNickname: member.nickname,
          target: doc.memberId,
          targetNickname: doc.nickname,
          amount: row.delta,
          source: postRevokeSource(doc._id),
          reason,
          requestId: null,
          createdAt: now,
        },
        // verify:ledger finds a compensating row's audit by its source.
        `${cid}:${postRevokeSource(doc._id)}`,
      )
      return { postId: doc._id, revoked: paid.delta, alreadyRevoked: false }
    })
  },
})

export const openTheme = memberAction({
  input: squareInputs.openTheme,
  access: accessFor('square'),
  async run(ctx, input): Promise<{ theme: ThemeView }> {
    const { community, member } = ctx.membership
    await screenStaffText(ctx.db, {
      communityId: community._id,
      openid: member.openid,
      scene: SCENE.forum,
      what: '话题',
      texts: [input.title],
      verb: '发布',
    })
    const doc: Omit<ThemeDoc, '_id'> = {
      communityId: community._id,
      title: input.title,
      status: 'open',
      createdAt: ctx.now,
      by: member.openid,
    }
    const res = (await ctx.db.collection('square_themes').add({ data: doc })) as { _id: string }
    return { theme: topicView({ _id: res._id, ...doc }) }
  },
})

/**
 * The past weeks' content mix (core/square contentMix) and posts per day: one count per category and
 * week, served by the {communityId, category, day} index, in parallel.
 */
export const mix = memberAction({
  input: squareInputs.mix,
  access: accessFor('square'),
  async run(ctx, input): Promise<MixResult> {
    const cid = ctx.membership.community._id
    const weeks = input.weeks ?? 4
    const thisWeek = shanghaiWeekKey(ctx.now)
    const today = shanghaiDayKey(ctx.now)
    const _ = ctx.db.command
    const keys = Array.from({ length: weeks }, (_x, i) => addWeeks(thisWeek, i - weeks + 1))
    const counted = await Promise.all(
      keys.flatMap((weekKey) =>
        CONTENT_CATEGORIES.map(async (category) => {
          const res = (await ctx.db
            .collection('posts')
            .where({ communityId: cid, category, day: _.gte(weekKey).and(_.lte(addDays(weekKey, 6))) })
            .count()) as { total: number }
          return { weekKey, category, total: res.total }
        }),
      ),
    )
    const out: MixWeek[] = keys.map((weekKey) => {
      const counts = {} as Record<ContentCategory, number>
      for (const c of CONTENT_CATEGORIES)
        counts[c] = counted.find((r) => r.weekKey === weekKey && r.category === c)?.total ?? 0
      const m = contentMix(counts)
      // This week so far counts its days up to today.
      const days = weekKey === thisWeek ? Math.min(7, Math.max(1, daysFrom(weekKey, today))) : 7
      return {
        weekKey,
        counts,
        shares: m.shares,
        distance: m.distance,
        postsPerDay: Math.round((m.total / days) * 10) / 10,
      }
    })
    return { weeks: out, target: { ...CONTENT_MIX_TARGET }, healthyPostsPerDay: HEALTHY_POSTS_PER_DAY }
  },
})

function daysFrom(weekKey: string, today: string): number {
  let n = 1
  while (n < 7 && addDays(weekKey, n) <= today) n += 1
  return n
}
