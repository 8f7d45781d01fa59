import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { APPEAL_MAX } from '@core/sanctions'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { mine, appeal, type ViolationView } from '@/services/sanctions'
import { toServiceError } from '@/services/service-error'
import { dateText, dateTimeText } from '@/ui/dates'
import { Button } from '@/ui/nutui'
import { STATE_NAMES, stepLabel } from '@/ui/sanctions'
import '../../admin/sanctions/index.scss'

const DECISIONS = { upheld: '申诉未通过，处罚维持', overturned: '申诉通过，这条违规已撤销' } as const

/** 我的违规记录: each violation with its step, reason and expiry, and one written appeal per violation. */
export default function MyViolationsPage() {
  const record = useLoader(() => mine(), [])
  let body
  if (record.loading && !record.data) body = <LoadingView />
  else if (record.error && !record.data)
    body = <ErrorView message={record.error.message} onRetry={() => void record.refresh()} />
  else if (record.data) {
    const { violations, mutedUntil } = record.data
    body = (
      <View>
        {mutedUntil && (
          <View className='qh-card asan-confirm'>
            <Text>你正在禁言中，{dateTimeText(mutedUntil)} 后可以再发言。</Text>
          </View>
        )}
        {violations.length === 0 ? (
          <EmptyView title='你没有违规记录' description='谢谢你和大家一起维护社群。' />
        ) : (
          violations.map((v) => (
            <ViolationCard
              key={v.id}
              violation={v}
              onAppealed={(next) =>
                record.setData((d) =>
                  d ? { ...d, violations: d.violations.map((x) => (x.id === next.id ? next : x)) } : d,
                )
              }
            />
          ))
        )}
        <Text className='qh-note asan-heading'>违规到期后不再计入处罚阶梯；每条违规可以申诉一次。</Text>
      </View>
    )
  }
  return <View className='qh-page'>{body}</View>
}

function ViolationCard({
  violation: v,
  onAppealed,
}: {
  violation: ViolationView
  onAppealed: (v: ViolationView) => void
}) {
  const [writing, setWriting] = useState(false)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const send = async () => {
    setBusy(true)
    setError('')
    try {
      const next = await appeal(v.id, text.trim())
      void Taro.showToast({ title: '申诉已提交', icon: 'success' })
      setWriting(false)
      onAppealed(next)
    } catch (err) {
      const e = toServiceError(err)
      setError(e.fields ? Object.values(e.fields).join('；') : e.message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='qh-card'>
      <View className='asan-line__head'>
        <Text className={`asan-step asan-step--${v.step}`}>{stepLabel(v.step)}</Text>
        <Text className='qh-note'>{STATE_NAMES[v.state]}</Text>
      </View>
      <Text>{v.reason}</Text>
      <Text className='qh-note'>
        {`${dateTimeText(v.createdAt)} 记录`}
        {v.state === 'live' ? ` · ${dateText(v.expiresAt)} 到期` : ''}
      </Text>
      {v.appeal && (
        <View className='asan-appeal__text'>
          <Text className='qh-note'>
            你的申诉：{v.appeal.text}
            {'\n'}
            {v.appeal.decision ? DECISIONS[v.appeal.decision] : '管理员处理中'}
          </Text>
        </View>
      )}
      {v.canAppeal && !writing && (
        <View className='asan-actions'>
          <Button size='small' fill='outline' onClick={() => setWriting(true)}>
            申诉
          </Button>
        </View>
      )}
      {writing && (
        <View className='asan-form'>
          <Textarea
            className='asan-evidence'
            placeholder='说明你认为处理不当的理由（每条违规只能申诉一次）'
            value={text}
            maxlength={APPEAL_MAX}
            onInput={(e) => setText(e.detail.value)}
          />
          {error && <Text className='asan-error'>{error}</Text>}
          <View className='asan-actions'>
            <Button size='small' fill='outline' onClick={() => setWriting(false)}>
              取消
            </Button>
            <Button size='small' type='primary' loading={busy} onClick={() => void send()}>
              提交申诉
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
