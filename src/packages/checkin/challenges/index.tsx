import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import Pill from '@/components/Pill'
import { EmptyView, PendingView } from '@/components/StateView'
import { useCheckinChallenges } from '@/hooks/useCheckinChallenges'
import type { ChallengeSummary } from '@/services/checkin'
import { toServiceError } from '@/services/service-error'
import { Button } from '@/ui/nutui'
import { IconGift } from '@/ui/icons'
import ChallengeProgress, { PHASE_NAMES, dayRange } from './ChallengeProgress'
import './index.scss'

function statusLine(c: ChallengeSummary): string {
  if (c.status === 'completed') return `已完成，获得 ${c.reward} 积分`
  if (c.status === 'active')
    return c.reachable ? '坚持每天打卡就能完成' : '漏打的天数太多，这次完成不了了，可以用补签卡补上最近 7 天'
  if (c.phase === 'ended') return '挑战已结束'
  return c.reachable ? `完成可得 ${c.reward} 积分` : '剩下的天数不够完成了，下次再来吧'
}

/** 打卡挑战: join a challenge, see the days done, and the reward once it is complete. */
export default function ChallengesPage() {
  const challenges = useCheckinChallenges()
  const [error, setError] = useState<{ id: string; message: string } | null>(null)
  const items = challenges.data?.items ?? []

  async function join(id: string) {
    setError(null)
    try {
      const result = await challenges.join(id)
      void Taro.showToast({
        title: result.completedChallenges.length ? '挑战完成！' : '已加入，记得每天打卡',
        icon: 'success',
      })
    } catch (err) {
      setError({ id, message: toServiceError(err).message })
    }
  }

  let body
  if (!challenges.data) body = <PendingView loader={challenges} />
  else if (!items.length)
    body = (
      <EmptyView
        icon={<IconGift size={32} />}
        title='还没有打卡挑战'
        description='管理员发起挑战后会出现在这里，比如「21 天阅读打卡」。'
      />
    )
  else
    body = items.map((c) => (
      <View key={c.id} className='qh-card challenge'>
        <View className='challenge__head'>
          <Text className='challenge__title'>{c.title}</Text>
          <Pill tone={c.phase === 'running' ? 'soft' : 'quiet'}>{PHASE_NAMES[c.phase]}</Pill>
        </View>
        <Text className='qh-muted'>{`${c.days} 天 · ${dayRange(c)} · 奖励 ${c.reward} 积分`}</Text>
        {c.status !== 'none' && <ChallengeProgress challenge={c} />}
        <Text className='qh-note challenge__status'>{statusLine(c)}</Text>
        {c.status === 'none' && c.phase !== 'ended' && c.reachable && (
          <Button
            className='challenge__join'
            type='primary'
            size='small'
            loading={challenges.joining === c.id}
            disabled={challenges.joining !== null}
            onClick={() => void join(c.id)}
          >
            加入挑战
          </Button>
        )}
        {error?.id === c.id && <Text className='challenge__error'>{error.message}</Text>}
      </View>
    ))

  return <View className='qh-page'>{body}</View>
}
