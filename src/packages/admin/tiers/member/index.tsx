import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { MemberScore } from '@/components/ScoreExplanation'
import StaffGate from '@/components/StaffGate'
import { ErrorView, LoadingView } from '@/components/StateView'
import { useMemberScore } from '@/hooks/useScore'
import { wakeUp } from '@/services/score'
import { toServiceError } from '@/services/transport'
import { Button } from '@/ui/nutui'
import '../index.scss'

/** One member's value score as the member sees it, with 私聊唤醒 for silent members. */
export default function MemberScorePage() {
  const id = decodeURIComponent(useRouter().params?.id ?? '')
  return (
    <View className='qh-page'>
      <StaffGate>{() => <MemberBody memberId={id} />}</StaffGate>
    </View>
  )
}

function MemberBody({ memberId }: { memberId: string }) {
  const score = useMemberScore(memberId)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<string | null>(null)
  if (!score.data && score.loading) return <LoadingView />
  if (!score.data)
    return <ErrorView message={score.error?.message ?? '加载失败'} onRetry={() => void score.refresh()} />
  const view = score.data
  const silent = !!view.score?.silent

  const send = async () => {
    const { confirm } = await Taro.showModal({
      title: `唤醒 ${view.nickname}？`,
      content: '将给 TA 发一条订阅消息，邀请回来看看。每位成员 30 天内最多唤醒一次。',
    })
    if (!confirm) return
    setBusy(true)
    try {
      const res = await wakeUp(memberId)
      setOutcome(res.outcome)
      void Taro.showToast({ title: res.outcome, icon: 'none' })
    } catch (err) {
      setOutcome(toServiceError(err).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <Text className='qh-section-title'>{view.nickname}</Text>
      {silent && (
        <View className='qh-card tiers-wake'>
          <Text className='qh-note'>3 个月没有活动。唤醒会发一条订阅消息邀请 TA 回来，30 天内最多一次。</Text>
          <Button type='primary' block loading={busy} onClick={() => void send()}>
            私聊唤醒
          </Button>
          {outcome && <Text className='qh-note'>{outcome}</Text>}
        </View>
      )}
      <MemberScore view={view} />
    </View>
  )
}
