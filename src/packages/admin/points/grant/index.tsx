import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ADJUST_REASON_MAX, ADJUST_REASON_MIN, MAKEUP_GRANT_MAX } from '@core/points'
import StaffGate from '@/components/StaffGate'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { usePaged } from '@/hooks/usePoints'
import { adjust, grantMakeupCards, newRequestId, searchMembers, type MemberPick } from '@/services/points'
import { toServiceError } from '@/services/service-error'
import { Button, Input } from '@/ui/nutui'
import '../index.scss'

type Mode = 'adjust' | 'cards'

/** 积分调整与补签卡: find a member, say what and why, confirm, apply. */
export default function GrantPage() {
  return (
    <View className='qh-page'>
      <StaffGate>{() => <GrantBody />}</StaffGate>
    </View>
  )
}

function GrantBody() {
  const [query, setQuery] = useState('')
  const [prefix, setPrefix] = useState('')
  const [picked, setPicked] = useState<MemberPick | null>(null)
  // Members changed here since the list was read: their rows show the new balance and cards.
  const [applied, setApplied] = useState<Record<string, MemberPick>>({})
  const onApplied = (m: MemberPick) => {
    setPicked(m)
    setApplied((prev) => ({ ...prev, [m.memberId]: m }))
  }
  return (
    <View>
      <View className='qh-card'>
        <Text className='qh-card__title'>选择成员</Text>
        <View className='apts-field'>
          <Input
            className='apts-input apts-search'
            placeholder='输入昵称开头搜索'
            value={query}
            onChange={setQuery}
            onConfirm={() => setPrefix(query.trim())}
          />
          <Button size='small' type='primary' onClick={() => setPrefix(query.trim())}>
            搜索
          </Button>
        </View>
        <MemberList key={prefix} prefix={prefix} picked={picked} applied={applied} onPick={setPicked} />
      </View>
      {picked && <GrantForm key={picked.memberId} member={picked} onApplied={onApplied} />}
    </View>
  )
}

function MemberList({
  prefix,
  picked,
  applied,
  onPick,
}: {
  prefix: string
  picked: MemberPick | null
  applied: Record<string, MemberPick>
  onPick: (m: MemberPick) => void
}) {
  const list = usePaged((cursor) => searchMembers(prefix, cursor))
  if (list.loading) return <LoadingView text='正在查找…' />
  if (list.error && !list.items.length)
    return <ErrorView message={list.error.message} onRetry={() => void list.reload()} />
  if (!list.items.length) return <EmptyView title='没有找到成员' description='换个昵称开头试试。' />
  return (
    <View>
      {list.items.map((row) => {
        const m = applied[row.memberId] ?? row
        return (
          <View
            key={m.memberId}
            className={`apts-pick ${picked?.memberId === m.memberId ? 'apts-pick--chosen' : ''}`}
            onClick={() => onPick(m)}
          >
            <Text>
              {m.nickname} · {m.levelName}
            </Text>
            <Text className='qh-note'>
              {m.balance} 分 · 补签卡 {m.makeupCards}
            </Text>
          </View>
        )
      })}
      {list.hasMore && (
        <Button fill='none' size='small' loading={list.loadingMore} onClick={() => void list.loadMore()}>
          加载更多
        </Button>
      )}
    </View>
  )
}

function GrantForm({ member, onApplied }: { member: MemberPick; onApplied: (m: MemberPick) => void }) {
  const [mode, setMode] = useState<Mode>('adjust')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  // Made when the confirmation opens: a retried 确认 sends the same id, so it applies once.
  const [requestId, setRequestId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const value = Number(amount)
  const check = (): string => {
    if (mode === 'adjust') {
      if (!Number.isInteger(value) || value === 0) return '请填写非 0 的整数，扣分用负数，如 -10'
      const len = reason.trim().length
      if (len < ADJUST_REASON_MIN || len > ADJUST_REASON_MAX)
        return `请填写原因（${ADJUST_REASON_MIN}–${ADJUST_REASON_MAX} 字）`
      if (value < 0 && member.balance + value < 0)
        return `积分不足：${member.nickname} 当前 ${member.balance} 分`
    } else if (!Number.isInteger(value) || value < 1 || value > MAKEUP_GRANT_MAX) {
      return `一次可发 1–${MAKEUP_GRANT_MAX} 张`
    }
    return ''
  }

  const summary =
    mode === 'adjust'
      ? `给 ${member.nickname} ${value > 0 ? `增加 ${value}` : `扣除 ${-value}`} 积分，原因：${reason.trim()}`
      : `给 ${member.nickname} 发放 ${value} 张补签卡`

  // Done: the panel closes and the form empties, so a second tap cannot apply it twice.
  const done = () => {
    setRequestId(null)
    setBusy(false)
    setAmount('')
    setReason('')
    setError('')
  }

  const apply = async () => {
    if (!requestId) return
    setBusy(true)
    try {
      if (mode === 'adjust') {
        const res = await adjust({
          memberId: member.memberId,
          delta: value,
          reason: reason.trim(),
          requestId,
        })
        done()
        onApplied({ ...member, balance: res.balance })
        void Taro.showToast({ title: `已调整，当前 ${res.balance} 分`, icon: 'none' })
      } else {
        const res = await grantMakeupCards({
          memberId: member.memberId,
          count: value,
          reason: reason.trim() || undefined,
          requestId,
        })
        done()
        onApplied({ ...member, makeupCards: res.makeupCards })
        void Taro.showToast({ title: `已发放，现有 ${res.makeupCards} 张`, icon: 'none' })
      }
    } catch (err) {
      const e = toServiceError(err)
      setError(e.fields ? Object.values(e.fields).join('；') : e.message)
      // A definite refusal needs a new request; a lost answer keeps the id so a retry stays safe.
      if (e.code !== 'INTERNAL') setRequestId(null)
      setBusy(false)
    }
  }

  return (
    <View className='qh-card'>
      <Text className='qh-card__title'>
        {member.nickname}：{member.balance} 分 · 补签卡 {member.makeupCards} 张
      </Text>
      <View className='apts-modes'>
        {(['adjust', 'cards'] as const).map((m) => (
          <Button
            key={m}
            size='small'
            type={mode === m ? 'primary' : 'default'}
            onClick={() => {
              setMode(m)
              setRequestId(null)
              setError('')
            }}
          >
            {m === 'adjust' ? '调整积分' : '发补签卡'}
          </Button>
        ))}
      </View>
      <View className='apts-field'>
        <Text className='apts-field__label'>{mode === 'adjust' ? '积分' : '张数'}</Text>
        <Input
          className='apts-input apts-amount'
          type={mode === 'adjust' ? 'text' : 'number'}
          placeholder={mode === 'adjust' ? '如 50 或 -10' : `1–${MAKEUP_GRANT_MAX}`}
          value={amount}
          onChange={(v) => {
            setAmount(v)
            setRequestId(null)
          }}
        />
      </View>
      <View className='apts-field'>
        <Text className='apts-field__label'>原因</Text>
        <Input
          className='apts-input apts-reason'
          placeholder={mode === 'adjust' ? '必填，成员会在积分明细里看到' : '选填'}
          maxLength={ADJUST_REASON_MAX}
          value={reason}
          onChange={(v) => {
            setReason(v)
            setRequestId(null)
          }}
        />
      </View>
      {error && <Text className='apts-error'>{error}</Text>}
      {requestId ? (
        <View className='apts-confirm'>
          <Text>确认{summary}？</Text>
          <View className='apts-rule__actions'>
            <Button size='small' fill='outline' onClick={() => setRequestId(null)}>
              取消
            </Button>
            <Button size='small' type='primary' loading={busy} onClick={() => void apply()}>
              确认
            </Button>
          </View>
        </View>
      ) : (
        <View className='apts-rule__actions'>
          <Button
            size='small'
            type='primary'
            onClick={() => {
              const problem = check()
              setError(problem)
              setBusy(false)
              if (!problem) setRequestId(newRequestId())
            }}
          >
            下一步
          </Button>
        </View>
      )}
    </View>
  )
}
