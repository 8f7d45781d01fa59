/**
 * Posting and replying in the square. Text passes the one screening path (runtime/moderation) and
 * photos the platform's media check before the transaction; mutes and quiet hours refuse first
 * (runtime/speech). A valued post (core/square valuedPostRefusal) pays the `post` rule once, its
 * ledger source the post's id; a held post carries the same pay to its approval. One member write:
 * points, `lastPostAt`, `lastActiveAt` and the duplicate fingerprints go into one draft.
 */
import { squareInputs, type PostResult, type ReplyResult } from '../core/contracts/square'
import { ledgerReason } from '../core/points'
import { EVERY_MEMBER } from '../core/roles'
import {
  adPostsLeft,
  DEFAULT_VALUED_POST_CRITERIA,
  hotScore,
  postSource,
  textFingerprint,
  UNPAID_TEXT,
  VALUED_REFUSAL_TEXT,
  valuedPostRefusal,
  withFingerprint,
} from '../core/square'
import { shanghaiDayKey, shanghaiMonthKey } from '../core/time'
import { recordActivity } from '../runtime/activity'
import { inTransaction, txGetOrNull } from '../runtime/db'
import { fail } from '../runtime/errors'
import { memberAction } from '../runtime/handler'
import { loadPointRules, postToDraft, type PointsMember } from '../runtime/ledger'
import { recordPhotoChecks, requestPhotoChecks } from '../runtime/media-check'
import { draftMember } from '../runtime/member-write'
import { holdInTransaction, SCENE, screenOrReject } from '../runtime/moderation'
import { assertMaySpeak } from '../runtime/speech'
import type { AdApplicationDoc } from './ads'
import {
  postIdOf,
  postOf,
  postView,
  replyIdOf,
  replyView,
  resolveTheme,
  type PostDoc,
  type ReplyDoc,
  type SquareMemberFields,
} from './records'

/** Replies land on one post from everyone at once: more attempts on its write conflicts. */
export const HOT_POST = { attempts: 100 }

type SquareMember = PointsMember & SquareMemberFields

export const post = memberAction({
  input: squareInputs.post,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<PostResult> {
    const { community, member } = ctx.membership
    const communityId = community._id
    const openid = member.openid
    const now = ctx.now
    const today = shanghaiDayKey(now)
    await assertMaySpeak(ctx.db, member, now)
    const theme = input.themeId ? await resolveTheme(ctx.db, communityId, input.themeId, today) : null
    const id = postIdOf(communityId, openid, input.requestId)
    const screened = await screenOrReject(ctx.db, {
      communityId,
      openid,
      text: input.text,
      scene: SCENE.forum,
    })
    const photos = input.photos ?? []
    const photoChecks = await requestPhotoChecks(photos, { openid, scene: SCENE.forum })
    const rule = (await loadPointRules(ctx.db, communityId)).post
    const held = screened.verdict === 'review'

    const month = shanghaiMonthKey(now)
    return inTransaction(ctx.db, async (tx) => {
      const [found, draft, approval] = await Promise.all([
        txGetOrNull<PostDoc>(tx, 'posts', id),
        draftMember<SquareMember>(tx, communityId, openid),
        input.ad ? txGetOrNull<AdApplicationDoc>(tx, 'ad_applications', member._id) : null,
      ])
      if (found)
        return { post: postView(found, member, false, false), points: 0, held: false, duplicate: true }
      if (!draft) return fail('NOT_MEMBER')
      // An ad spends one of the approval's posts this month (限量发布); it is labelled and never paid.
      if (input.ad) {
        if (!approval || approval.status !== 'approved')
          return fail('AD_NOT_APPROVED', '发布广告需要先提交三证并通过审核')
        if (adPostsLeft(approval, month) <= 0) return fail('AD_QUOTA_USED', '本月的广告发布次数已用完')
        const used = approval.used?.month === month ? approval.used.count : 0
        await tx
          .collection('ad_applications')
          .doc(approval._id)
          .update({ data: { used: { month, count: used + 1 } } })
      }
      const refusal = input.ad ? null : valuedPostRefusal(input.text, draft.doc.recentPostPrints ?? [])
      const pays = !input.ad && !refusal && rule.enabled && rule.points > 0
      const reward = {
        source: postSource(id),
        delta: rule.points,
        reason: ledgerReason('post', theme ? `在「${theme.title}」发帖` : '广场发帖'),
        rule: 'post',
        dailyCap: rule.dailyCap,
      }
      let points = 0
      let unpaidReason: string | null = refusal ? VALUED_REFUSAL_TEXT[refusal] : null
      if (pays && !held) {
        const paid = await postToDraft(tx, draft, {
          communityId,
          openid,
          source: reward.source,
          kind: 'earn',
          delta: reward.delta,
          reason: reward.reason,
          cap: { rule: 'post', dailyCap: rule.dailyCap },
          now,
          // The post's document is this source's: it was not there, so neither is the row.
          sourceIsNew: true,
        })
        points = paid.delta
        if (paid.capped) unpaidReason = UNPAID_TEXT.capped
      }
      if (pays && held) unpaidReason = UNPAID_TEXT.held
      const photoStatus = await recordPhotoChecks(tx, photoChecks, {
        communityId,
        collection: 'posts',
        docId: id,
        openid,
        now,
      })
      const doc: PostDoc = {
        _id: id,
        communityId,
        authorId: openid,
        memberId: member._id,
        nickname: member.nickname,
        text: input.text,
        photos,
        photoStatus,
        category: input.category,
        themeId: theme?.id ?? null,
        themeTitle: theme?.title ?? null,
        day: today,
        createdAt: now,
        status: held ? 'held' : 'visible',
        likeCount: 0,
        replyCount: 0,
        hot: hotScore({ likes: 0, replies: 0, createdAt: now }),
        pinned: false,
        featured: false,
        points,
        unpaidReason,
        reportCount: 0,
        ...(input.ad ? { ad: true, unpaidReason: '广告不计有效发言' } : {}),
      }
      const { _id, ...fields } = doc
      await tx.collection('posts').doc(_id).set({ data: fields })
      await holdInTransaction(tx, screened, {
        communityId,
        openid,
        kind: 'post',
        collection: 'posts',
        docId: id,
        text: input.text,
        reward: pays ? reward : null,
        now,
      })
      await recordActivity(tx, { communityId, openid, now, add: { posts: 1 }, active: true, draft })
      draft.set({
        lastPostAt: now,
        recentPostPrints: withFingerprint(
          draft.doc.recentPostPrints,
          textFingerprint(input.text),
          DEFAULT_VALUED_POST_CRITERIA,
        ),
      })
      await draft.write(tx)
      return { post: postView(doc, member, false, false), points, held, duplicate: false }
    })
  },
})

export const reply = memberAction({
  input: squareInputs.reply,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<ReplyResult> {
    const { community, member } = ctx.membership
    const communityId = community._id
    const openid = member.openid
    const now = ctx.now
    await assertMaySpeak(ctx.db, member, now)
    const target = await postOf(ctx, input.postId)
    if (target.status !== 'visible') fail('POST_NOT_OPEN')
    const id = replyIdOf(target._id, openid, input.requestId)
    const screened = await screenOrReject(ctx.db, {
      communityId,
      openid,
      text: input.text,
      scene: SCENE.comment,
    })
    const held = screened.verdict === 'review'
    return inTransaction(
      ctx.db,
      async (tx) => {
        const [found, postNow, draft] = await Promise.all([
          txGetOrNull<ReplyDoc>(tx, 'post_replies', id),
          txGetOrNull<PostDoc>(tx, 'posts', target._id),
          draftMember<SquareMember>(tx, communityId, openid),
        ])
        if (found) return { reply: replyView(found, member), held: found.status === 'held' }
        if (!draft) return fail('NOT_MEMBER')
        if (!postNow || postNow.status !== 'visible') return fail('POST_NOT_OPEN')
        const doc: ReplyDoc = {
          _id: id,
          communityId,
          postId: target._id,
          authorId: openid,
          memberId: member._id,
          nickname: member.nickname,
          text: input.text,
          mention: postNow.nickname,
          day: shanghaiDayKey(now),
          createdAt: now,
          status: held ? 'held' : 'visible',
          reportCount: 0,
        }
        const { _id, ...fields } = doc
        await tx.collection('post_replies').doc(_id).set({ data: fields })
        // A held reply is not counted until approved; the count is of replies others can read.
        if (!held) {
          const replies = (postNow.replyCount ?? 0) + 1
          await tx
            .collection('posts')
            .doc(target._id)
            .update({
              data: {
                replyCount: replies,
                hot: hotScore({
                  likes: postNow.likeCount ?? 0,
                  replies,
                  createdAt: new Date(postNow.createdAt),
                }),
              },
            })
        }
        await holdInTransaction(tx, screened, {
          communityId,
          openid,
          kind: 'post_reply',
          collection: 'post_replies',
          docId: id,
          text: input.text,
          now,
        })
        await recordActivity(tx, { communityId, openid, now, add: { replies: 1 }, active: true, draft })
        draft.set({ lastPostAt: now })
        await draft.write(tx)
        return { reply: replyView(doc, member), held }
      },
      HOT_POST,
    )
  },
})
