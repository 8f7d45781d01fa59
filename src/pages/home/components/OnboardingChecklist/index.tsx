import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ErrorView } from '@/components/StateView'
import { useOnboarding } from '@/hooks/useOnboarding'
import type { ChecklistItem } from '@/services/community'
import type { CommunitySummary, MemberProfile } from '@/services/member'
import { Button, Skeleton } from '@/ui/nutui'
import './index.scss'

const PAGES: Record<ChecklistItem['step'], string> = {
  handbook: '/packages/onboarding/handbook/index',
  rules: '/packages/onboarding/handbook/index?focus=rules',
  intro: '/packages/onboarding/intro/index',
}

function hint(item: ChecklistItem, windowOpen: boolean): string {
  if (item.done) return item.paid ? `已完成 · +${item.paid} 积分` : '已完成'
  if (item.step === 'intro' && !windowOpen) return '已超过 24 小时，仍可介绍，但不再获得积分'
  return item.points ? `完成可得 +${item.points} 积分` : '去完成'
}

/**
 * 新人任务 on the home page: read the handbook, acknowledge the rules, introduce yourself within 24
 * hours. Once all three are done it steps aside — unless new rules wait for an acknowledgement.
 */
export function NewMemberChecklist({
  community,
  member,
}: {
  community: CommunitySummary
  member: MemberProfile
}) {
  const onboarding = useOnboarding({ communityId: community.id, joinedAt: member.joinedAt })
  const data = onboarding.data
  if (!data && onboarding.error)
    return (
      <View className='qh-card onboarding-checklist'>
        <Text className='qh-card__title'>新人任务</Text>
        <ErrorView message={onboarding.error.message} onRetry={() => void onboarding.refresh()} />
      </View>
    )
  if (!data)
    return (
      <View className='qh-card onboarding-checklist'>
        <Text className='qh-card__title'>新人任务</Text>
        <Skeleton rows={3} animated />
      </View>
    )
  const { checklist, rules } = data
  if (!checklist.visible) {
    if (!rules.needsAck) return null
    return (
      <View className='qh-card onboarding-checklist onboarding-checklist--rules'>
        <Text className='qh-card__title'>{`群规已更新（第 ${rules.version} 版）`}</Text>
        <Text className='qh-note'>{rules.shortRules}</Text>
        <Button
          className='onboarding-checklist__cta'
          type='primary'
          size='small'
          onClick={() => void Taro.navigateTo({ url: PAGES.rules })}
        >
          阅读并确认
        </Button>
      </View>
    )
  }
  const earned = checklist.items.reduce((sum, item) => sum + item.paid, 0)
  return (
    <View className='qh-card onboarding-checklist'>
      <View className='onboarding-checklist__head'>
        <Text className='qh-card__title'>新人任务</Text>
        <Text className='onboarding-checklist__progress'>{`${checklist.doneCount}/${checklist.items.length}`}</Text>
      </View>
      <View className='onboarding-checklist__bar'>
        <View
          className='onboarding-checklist__fill'
          style={{ width: `${(checklist.doneCount * 100) / checklist.items.length}%` }}
        />
      </View>
      {earned > 0 && <Text className='qh-note'>{`新人任务已获得 ${earned} 积分`}</Text>}
      {checklist.items.map((item) => (
        <View
          key={item.step}
          className={`onboarding-checklist__item${item.done ? ' onboarding-checklist__item--done' : ''}`}
          onClick={() => {
            if (!item.done || item.step === 'intro') void Taro.navigateTo({ url: PAGES[item.step] })
          }}
        >
          <Text className='onboarding-checklist__mark'>{item.done ? '✓' : '○'}</Text>
          <View className='onboarding-checklist__body'>
            <Text className='onboarding-checklist__title'>{item.title}</Text>
            <Text className='onboarding-checklist__hint'>{hint(item, checklist.introWindowOpen)}</Text>
          </View>
          {!item.done && <Text className='onboarding-checklist__go'>去完成</Text>}
        </View>
      ))}
    </View>
  )
}

export default NewMemberChecklist
