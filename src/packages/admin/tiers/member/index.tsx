import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { MemberScore } from '@/components/ScoreExplanation'
import StaffGate from '@/components/StaffGate'
import { ErrorView, LoadingView } from '@/components/StateView'
import { useMemberScore } from '@/hooks/useScore'
import { wakeUp } from '@/services/score'
import { toServiceError } from '@/services/service-error'
import { Button } from '@/ui/nutui'
import '../index.scss'
import { confirmModal } from '@/ui/modal'

/** One member's value score as the member sees it, with a wake-up notice (唤醒通知) for silent members. */
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
  // The answer of a send: either way the button is done (sent: 30 days; refused: nothing to reach).
  const [outcome, setOutcome] = useState<{ sent: boolean; text: string } | null>(null)
  if (!score.data && score.loading) return <LoadingView />
  if (!score.data)
    return <ErrorView message={score.error?.message ?? '加载失败'} onRetry={() => void score.refresh()} />
  const view = score.data
  const silent = !!view.score?.silent

  const send = async () => {
    const { confirm } = await confirmModal({
      title: `给 ${view.nickname} 发送唤醒通知？`,
      content: '将给 TA 发一条微信服务通知，邀请回来看看。每位成员 30 天内最多唤醒一次。',
      confirmText: '发送',
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusy(true)
    try {
      const res = await wakeUp(memberId)
      setOutcome({ sent: res.sent, text: res.sent ? '已发送，30 天内不能再次唤醒' : res.outcome })
      void Taro.showToast({ title: res.outcome, icon: 'none' })
    } catch (err) {
      setOutcome({ sent: false, text: toServiceError(err).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <Text className='qh-section-title'>{view.nickname}</Text>
      {silent && (
        <View className='qh-card tiers-wake'>
          <Text className='qh-note'>
            3 个月没有活动。唤醒会发一条微信服务通知邀请 TA 回来，只有订阅过通知的成员能收到，30
            天内最多一次。
          </Text>
          <Button type='primary' block loading={busy} disabled={!!outcome} onClick={() => void send()}>
            {outcome?.sent ? '已发送唤醒通知' : '发送唤醒通知'}
          </Button>
          {outcome && <Text className='qh-note tiers-wake__outcome'>{outcome.text}</Text>}
        </View>
      )}
      <MemberScore view={view} />
    </View>
  )
}
