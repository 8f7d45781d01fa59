import Taro, { useRouter } from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { CONTENT_CATEGORIES, CONTENT_CATEGORY_NAMES, REPLY_MAX_LENGTH } from '@core/square'
import LoadMore from '@/components/LoadMore'
import { EmptyView, PendingView } from '@/components/StateView'
import { useCursorPages } from '@/hooks/useCursorPages'
import * as square from '@/services/square'
import type { DetailResult, ReplyView } from '@/services/square'
import { toServiceError } from '@/services/service-error'
import { Button, Input, Switch } from '@/ui/nutui'
import { dateTimeText } from '@/ui/dates'
import { confirmModal } from '@/ui/modal'
import Chips from '../Chips'
import PostCard from '../PostCard'
import '../square.scss'

type Page = DetailResult & { items: ReplyView[] }

/**
 * 帖子详情: the post in full, likes, replies (one level, @ the author) a page at a time, 举报 with a
 * reason, and for staff: 置顶 (群公告), 隐藏 / 删除 with a reason (a violation in the same tap),
 * 恢复, 精选, correcting the category and revoking the valued-post points — each confirmed first.
 */
export default function SquarePostPage() {
  const id = decodeURIComponent(useRouter().params?.id ?? '')
  const pages = useCursorPages<Page>(
    async (cursor) => {
      const d = await square.detail(id, cursor)
      return { ...d, items: d.replies }
    },
    [id],
  )
  const [replyText, setReplyText] = useState('')
  const [reason, setReason] = useState('')
  const [violation, setViolation] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const replyRequest = useRef(square.newRequestId())

  const d = pages.data
  if (!d)
    return (
      <View className='qh-page'>
        <PendingView loader={pages} />
      </View>
    )
  const post = d.post

  async function run<T>(work: () => Promise<T>, done: (r: T) => string) {
    setBusy(true)
    setError(null)
    try {
      const r = await work()
      await pages.refresh()
      void Taro.showToast({ title: done(r), icon: 'none' })
      return true
    } catch (err) {
      const e = toServiceError(err)
      setError(e.fields?.reason ?? e.fields?.text ?? e.message)
      return false
    } finally {
      setBusy(false)
    }
  }

  async function sendReply() {
    if (!replyText.trim()) return setError('回复不能为空')
    const ok = await run(
      () => square.reply(id, replyText, replyRequest.current),
      (r) => (r.held ? '已提交，审核通过后展示' : '回复成功'),
    )
    if (ok) {
      setReplyText('')
      replyRequest.current = square.newRequestId()
    }
  }

  const needReason = () => {
    if (reason.trim().length >= 2) return true
    setError('请先写明原因（至少 2 个字）')
    return false
  }

  async function confirmThen(title: string, content: string, action: () => Promise<unknown>) {
    const { confirm } = await confirmModal({ title, content, confirmText: '确定', cancelText: '取消' })
    if (confirm) await action()
  }

  const report = (replyId?: string) => {
    if (!needReason()) return
    void confirmThen('举报', `确定举报这条${replyId ? '回复' : '帖子'}吗？管理员会尽快处理。`, () =>
      run(
        () => square.report(id, reason.trim(), replyId),
        (r) => (r.hidden ? '已举报，内容已暂时隐藏' : '已举报，感谢反馈'),
      ),
    )
  }

  const moderate = (op: 'pin' | 'unpin' | 'hide' | 'delete' | 'restore', replyId?: string) => {
    const words = { pin: '置顶为群公告', unpin: '取消置顶', hide: '隐藏', delete: '删除', restore: '恢复' }[
      op
    ]
    const withReason = op === 'hide' || op === 'delete'
    if (withReason && !needReason()) return
    const what = replyId ? '这条回复' : '这条帖子'
    void confirmThen(
      words,
      withReason
        ? `确定${words}${what}吗？作者会收到原因「${reason.trim()}」${violation ? '，并记录一次违规' : ''}。`
        : `确定${words}${what}吗？`,
      () =>
        run(
          () =>
            square.moderate({
              postId: id,
              op,
              ...(replyId ? { replyId } : {}),
              ...(withReason ? { reason: reason.trim(), recordViolation: violation } : {}),
            }),
          () => `已${words}`,
        ),
    )
  }

  const feature = () =>
    void confirmThen(
      '设为精选',
      `设为精选后作者获得 ${d.staff?.feature.points ?? 0} 积分（优质内容），只发放一次。`,
      () =>
        run(
          () => square.feature(id),
          (r) => (r.alreadyFeatured ? '已是精选' : `已设为精选，作者 +${r.points} 积分`),
        ),
    )

  const revoke = () => {
    if (!needReason()) return
    void confirmThen('撤销有效发言积分', `确定撤销这条帖子发放的有效发言积分吗？原因：${reason.trim()}`, () =>
      run(
        () => square.revoke(id, reason.trim()),
        (r) => (r.alreadyRevoked ? '已经撤销过了' : `已撤销 ${r.revoked} 积分`),
      ),
    )
  }

  return (
    <View className='qh-page'>
      <PostCard
        post={post}
        full
        onLike={() =>
          void run(
            () => (post.likedByMe ? square.unlike(id) : square.like(id)),
            (r) => (r.liked ? '已点赞' : '已取消点赞'),
          )
        }
      />
      {error && <Text className='sq-error'>{error}</Text>}

      <View className='qh-card'>
        <Text className='qh-section-title'>{`回复 ${post.replies}`}</Text>
        {pages.items.length === 0 ? (
          <EmptyView title='还没有回复' description='说说你的看法吧' />
        ) : (
          pages.items.map((r) => (
            <View key={r.id} className='sq-reply'>
              <Text className='sq-post__who'>{r.nickname}</Text>
              <Text className='qh-muted'>{` · ${dateTimeText(r.createdAt)}`}</Text>
              <View>
                <Text className='sq-reply__mention'>{`@${r.mention} `}</Text>
                <Text>{r.text}</Text>
              </View>
              {r.status !== 'visible' && (
                <Text className='qh-note sq-note--warn'>（仅管理员可见：已隐藏或待审核）</Text>
              )}
              <View className='sq-actions'>
                {!r.mine && (
                  <Text className='qh-muted' onClick={() => report(r.id)}>
                    举报
                  </Text>
                )}
                {d.staff && r.status === 'visible' && (
                  <Text className='qh-muted' onClick={() => moderate('hide', r.id)}>
                    隐藏回复
                  </Text>
                )}
                {d.staff && r.status === 'hidden' && (
                  <Text className='qh-muted' onClick={() => moderate('restore', r.id)}>
                    恢复回复
                  </Text>
                )}
              </View>
            </View>
          ))
        )}
        <LoadMore pages={pages} />
      </View>

      {post.status === 'visible' && (
        <View className='qh-card'>
          <Textarea
            className='sq-textarea'
            value={replyText}
            maxlength={REPLY_MAX_LENGTH}
            placeholder={`回复 @${post.nickname}`}
            onInput={(e) => setReplyText(e.detail.value)}
          />
          <Button type='primary' block loading={busy} disabled={busy} onClick={() => void sendReply()}>
            回复
          </Button>
        </View>
      )}

      {/* The author has nothing to report here; staff write their reasons in the same box. */}
      {(d.staff || !post.mine) && (
        <View className='qh-card'>
          <Text className='qh-section-title'>
            {d.staff ? '处理原因（隐藏、删除、撤销、举报时必填）' : '举报原因'}
          </Text>
          <Input placeholder='写明原因，至少 2 个字' value={reason} onChange={(v) => setReason(String(v))} />
          {!post.mine && !d.reportedByMe && (
            <Button fill='outline' block disabled={busy} onClick={() => report()}>
              举报这条帖子
            </Button>
          )}
          {d.reportedByMe && <Text className='qh-note'>你已举报过这条帖子</Text>}
        </View>
      )}

      {d.staff && (
        <View className='qh-card'>
          <Text className='qh-section-title'>管理</Text>
          {d.staff.sanctions && (
            <View className='sq-post__head'>
              <Text>隐藏或删除时同时记录一次违规</Text>
              <Switch checked={violation} onChange={(v) => setViolation(!!v)} />
            </View>
          )}
          <View className='sq-actions'>
            {post.status === 'visible' && !post.pinned && (
              <Button size='small' disabled={busy} onClick={() => moderate('pin')}>
                置顶为群公告
              </Button>
            )}
            {post.pinned && (
              <Button size='small' disabled={busy} onClick={() => moderate('unpin')}>
                取消置顶
              </Button>
            )}
            {post.status === 'visible' && !post.featured && !post.mine && (
              <Button size='small' disabled={busy} onClick={feature}>
                设为精选
              </Button>
            )}
            {post.status !== 'hidden' && post.status !== 'deleted' && (
              <Button size='small' disabled={busy} onClick={() => moderate('hide')}>
                隐藏
              </Button>
            )}
            {post.status !== 'deleted' && (
              <Button size='small' type='danger' disabled={busy} onClick={() => moderate('delete')}>
                删除
              </Button>
            )}
            {(post.status === 'hidden' || post.status === 'deleted') && (
              <Button size='small' disabled={busy} onClick={() => moderate('restore')}>
                恢复
              </Button>
            )}
            {post.points !== null && post.points > 0 && (
              <Button size='small' disabled={busy} onClick={revoke}>
                撤销有效发言积分
              </Button>
            )}
          </View>
          <Text className='qh-section-title'>修正分类</Text>
          <Chips
            options={CONTENT_CATEGORIES.map((c) => ({ key: c, name: CONTENT_CATEGORY_NAMES[c] }))}
            value={post.category}
            onChange={(c) =>
              void run(
                () => square.setCategory(id, c),
                () => `已改为${CONTENT_CATEGORY_NAMES[c]}`,
              )
            }
          />
        </View>
      )}
    </View>
  )
}
