import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { WORD_MAX_LENGTH } from '@core/moderation'
import LoadMore from '@/components/LoadMore'
import Pill from '@/components/Pill'
import StaffGate from '@/components/StaffGate'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { useCursorPages } from '@/hooks/useCursorPages'
import { useLoader } from '@/hooks/useLoader'
import { useSaving } from '@/hooks/useSaving'
import * as moderation from '@/services/moderation'
import type { CommunityWord, HeldItem } from '@/services/moderation'
import { toServiceError } from '@/services/service-error'
import { Button, Input } from '@/ui/nutui'
import DecisionButtons from '../DecisionButtons'
import '../admin-onboarding.scss'
import { dateTimeText } from '@/ui/dates'
import { confirmModal } from '@/ui/modal'

type Status = 'held' | 'approved' | 'rejected'
const STATUS_NAMES: Record<Status, string> = { held: '待审核', approved: '已通过', rejected: '已拒绝' }

function Queue({ status }: { status: Status }) {
  const [busy, setBusy] = useState<string | null>(null)
  const list = useCursorPages((cursor) => moderation.heldList({ status, cursor }), [status])

  async function decide(item: HeldItem, approve: boolean) {
    if (!approve) {
      const { confirm } = await confirmModal({
        title: '拒绝这条内容？',
        content: '拒绝后其他成员看不到它，作者可以修改后重新提交。',
        confirmText: '拒绝',
      })
      if (!confirm) return
    }
    setBusy(item.id)
    try {
      await (approve ? moderation.approve(item) : moderation.reject(item.id))
      void Taro.showToast({ title: approve ? '已通过' : '已拒绝', icon: 'none' })
    } catch (err) {
      void Taro.showToast({ title: toServiceError(err).message, icon: 'none' })
    } finally {
      setBusy(null)
      void list.refresh()
    }
  }

  if (!list.data && list.loading) return <LoadingView />
  if (!list.data && list.error)
    return <ErrorView message={list.error.message} onRetry={() => void list.refresh()} />
  const items = list.items
  return (
    <View>
      {status === 'held' && <Text className='qh-note'>{`待审核 ${list.data?.heldCount ?? 0} 条`}</Text>}
      {items.length === 0 ? (
        <EmptyView title={status === 'held' ? '没有待审核的内容' : `没有${STATUS_NAMES[status]}的内容`} />
      ) : (
        <View className='qh-card'>
          {items.map((item) => (
            <View className='ao-row' key={item.id}>
              <View className='ao-row__head'>
                <Text className='ao-row__name'>{item.nickname}</Text>
                <Pill tone='quiet'>{item.kindName}</Pill>
              </View>
              <Text className='ao-row__text'>{item.text}</Text>
              {item.reports && item.reports.reasons.length > 0 && (
                <Text className='ao-row__reasons'>{`举报理由：${item.reports.reasons.join('；')}`}</Text>
              )}
              <Text className='ao-row__meta'>{`${heldByText(item)} · ${dateTimeText(item.createdAt)}`}</Text>
              {item.status === 'held' && (
                <DecisionButtons busy={busy === item.id} onDecide={(approve) => void decide(item, approve)} />
              )}
            </View>
          ))}
          <LoadMore pages={list} />
        </View>
      )}
    </View>
  )
}

/** Why the item is in the queue. */
function heldByText(item: HeldItem): string {
  if (item.heldBy === 'words') return '命中社群词表'
  if (item.heldBy === 'reports') return item.reports ? `${item.reports.count} 位成员举报` : '成员举报'
  return '内容安全检测建议人工审核'
}

function WordList() {
  const list = useLoader(() => moderation.words(), [])
  const [words, setWords] = useState<CommunityWord[] | null>(null)
  const [draft, setDraft] = useState('')
  const [verdict, setVerdict] = useState<CommunityWord['verdict']>('risky')
  const { saving, error, setError, run } = useSaving()
  if (!list.data && list.loading) return <LoadingView />
  if (!list.data && list.error)
    return <ErrorView message={list.error.message} onRetry={() => void list.refresh()} />
  const current = words ?? list.data?.words ?? []

  async function save(next: CommunityWord[]) {
    await run(async () => {
      const saved = await moderation.saveWords(next)
      setWords(saved.words)
    }, '词表已保存')
  }

  return (
    <View className='qh-card'>
      <Text className='qh-card__title'>社群词表</Text>
      <Text className='qh-note'>
        成员的介绍、昵称、日记先过词表，再过平台内容安全检测。「拦截」直接拒绝，「待审」交给管理员。
      </Text>
      {current.length === 0 && <Text className='qh-note'>还没有添加词。</Text>}
      <View className='ao-chips'>
        {current.map((w) => (
          <Text
            key={w.word}
            className={`ao-chip${w.verdict === 'risky' ? ' ao-chip--on' : ''}`}
            onClick={async () => {
              const { confirm } = await confirmModal({ title: `从词表删除「${w.word}」？` })
              if (confirm) void save(current.filter((x) => x.word !== w.word))
            }}
          >
            {`${w.word} · ${w.verdict === 'risky' ? '拦截' : '待审'} ×`}
          </Text>
        ))}
      </View>
      <Input
        className='ao-input'
        value={draft}
        maxLength={WORD_MAX_LENGTH}
        placeholder='输入要拦截或待审的词'
        onChange={setDraft}
      />
      <View className='ao-chips'>
        {(['risky', 'review'] as const).map((v) => (
          <Text
            key={v}
            className={`ao-chip${verdict === v ? ' ao-chip--on' : ''}`}
            onClick={() => setVerdict(v)}
          >
            {v === 'risky' ? '拦截' : '待审'}
          </Text>
        ))}
      </View>
      {error && <Text className='ao-error'>{error}</Text>}
      <Button
        type='primary'
        size='small'
        loading={saving}
        onClick={() => {
          if (!draft.trim()) return setError('请输入一个词')
          void save([...current, { word: draft.trim(), verdict }]).then(() => setDraft(''))
        }}
      >
        加入词表
      </Button>
    </View>
  )
}

/** 内容审核: the held-content queue and the community's own word list. */
export default function ModerationPage() {
  const [status, setStatus] = useState<Status>('held')
  return (
    <View className='qh-page'>
      <StaffGate>
        {(_, member) =>
          member.role === 'owner' || member.role === 'admin' ? (
            <View>
              <View className='ao-tabs'>
                {(Object.keys(STATUS_NAMES) as Status[]).map((s) => (
                  <Text
                    key={s}
                    className={`ao-tab${status === s ? ' ao-tab--on' : ''}`}
                    onClick={() => setStatus(s)}
                  >
                    {STATUS_NAMES[s]}
                  </Text>
                ))}
              </View>
              <Queue key={status} status={status} />
              <WordList />
            </View>
          ) : (
            <EmptyView title='内容审核由主理人和管理员负责' />
          )
        }
      </StaffGate>
    </View>
  )
}
