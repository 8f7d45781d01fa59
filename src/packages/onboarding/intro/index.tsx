import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { INTRO_MAX, INTRO_MIN } from '@core/onboarding'
import LoadMore from '@/components/LoadMore'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { useCursorPages } from '@/hooks/useCursorPages'
import { onboardingChanged, useOnboarding } from '@/hooks/useOnboarding'
import { useMe } from '@/hooks/useMe'
import * as community from '@/services/community'
import { toServiceError } from '@/services/service-error'
import { Button } from '@/ui/nutui'
import { currentMembership, onboardingPlaceholder } from '../placeholder'
import '../onboarding.scss'

const STATUS_TEXT = {
  visible: '大家都能看到你的介绍',
  held: '介绍正在审核，通过后其他成员才能看到',
  rejected: '介绍没有通过审核，请修改后重新提交',
} as const

/** 自我介绍: write one (checked before others see it) and read the community's. */
export default function IntroPage() {
  const me = useMe()
  const onboarding = useOnboarding(currentMembership(me))
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const list = useCursorPages(
    (cursor) => community.intros({ cursor, limit: 20 }),
    [me.data?.community?.id, me.data?.member?.joinedAt],
  )

  const gate = onboardingPlaceholder(me, onboarding, '加入社群后才能自我介绍')
  if (gate) return gate
  const data = onboarding.data!
  const { checklist } = data
  const value = text ?? checklist.intro?.text ?? ''
  const introItem = checklist.items.find((i) => i.step === 'intro')

  async function submit() {
    const trimmed = value.trim()
    if ([...trimmed].length < INTRO_MIN) return setError(`自我介绍至少 ${INTRO_MIN} 个字`)
    if ([...trimmed].length > INTRO_MAX) return setError(`自我介绍最多 ${INTRO_MAX} 个字`)
    setSaving(true)
    setError(null)
    try {
      const result = await community.submitIntro(trimmed)
      void Taro.showToast({
        title:
          result.status === 'held'
            ? '已提交，审核通过后大家可见'
            : result.paid
              ? `介绍成功 +${result.paid} 积分`
              : '介绍已更新',
        icon: 'none',
      })
      setText(null)
      onboardingChanged()
      void list.refresh()
    } catch (err) {
      const e = toServiceError(err)
      setError(e.fields?.text ?? e.message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='qh-page'>
      <View className='qh-card'>
        <Text className='qh-card__title'>介绍一下自己</Text>
        <Text className='qh-note'>
          {checklist.introWindowOpen
            ? `加入后 24 小时内完成介绍可得 ${introItem?.points ?? 0} 积分。说说你是谁、爱读什么、想在这里收获什么吧。`
            : '已超过加入后的 24 小时：介绍仍会展示给大家，但不再获得积分。'}
        </Text>
        <Textarea
          className='ob-textarea'
          value={value}
          maxlength={INTRO_MAX}
          placeholder='大家好，我是……'
          onInput={(e) => {
            setText(e.detail.value)
            if (error) setError(null)
          }}
        />
        <Text className='ob-count'>{`${[...value].length}/${INTRO_MAX}`}</Text>
        {checklist.intro && <Text className='qh-note'>{STATUS_TEXT[checklist.intro.status]}</Text>}
        {error && <Text className='ob-error'>{error}</Text>}
        <Button type='primary' block loading={saving} onClick={() => void submit()}>
          {checklist.intro ? '更新介绍' : '发布介绍'}
        </Button>
      </View>

      <Text className='qh-section-title'>大家的介绍</Text>
      <View className='qh-card'>
        {!list.data && list.loading && <LoadingView />}
        {!list.data && list.error && (
          <ErrorView message={list.error.message} onRetry={() => void list.refresh()} />
        )}
        {list.data && list.data.items.length === 0 && (
          <EmptyView title='还没有人介绍自己' description='来做第一个吧！' />
        )}
        {list.items.map((item) => (
          <View className='ob-intro' key={item.publicId}>
            <Text className='ob-intro__name'>{item.mine ? `${item.nickname}（我）` : item.nickname}</Text>
            <Text className='ob-intro__text'>{item.text}</Text>
          </View>
        ))}
        <LoadMore pages={list} />
      </View>
    </View>
  )
}
