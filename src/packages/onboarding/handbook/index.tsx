import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { EmptyView } from '@/components/StateView'
import { onboardingChanged, useOnboarding } from '@/hooks/useOnboarding'
import { useMe } from '@/hooks/useMe'
import * as community from '@/services/community'
import { toServiceError } from '@/services/service-error'
import { Button } from '@/ui/nutui'
import { currentMembership, onboardingPlaceholder } from '../placeholder'
import '../onboarding.scss'

/** 新人手册: the handbook's sections and the rules with the 已阅 acknowledgement. Opening it counts as reading. */
export default function HandbookPage() {
  const me = useMe()
  const onboarding = useOnboarding(currentMembership(me))
  const router = useRouter()
  const marked = useRef(false)
  const [acking, setAcking] = useState(false)
  const [ackError, setAckError] = useState<string | null>(null)

  // Opening the handbook marks the checklist step once per visit; the server pays it once ever.
  useEffect(() => {
    if (!me.data?.member || marked.current) return
    marked.current = true
    void community
      .readHandbook()
      .then((checklist) => {
        const step = checklist.items.find((i) => i.step === 'handbook')
        const before = onboarding.data?.checklist.items.find((i) => i.step === 'handbook')
        if (step?.done && before && !before.done && step.paid)
          void Taro.showToast({ title: `阅读手册 +${step.paid} 积分`, icon: 'none' })
        onboardingChanged()
      })
      .catch(() => undefined)
  }, [me.data?.member, onboarding.data])

  useEffect(() => {
    if (router.params?.focus === 'rules' && onboarding.data)
      void Taro.pageScrollTo({ selector: '#ob-rules', duration: 200 }).catch(() => undefined)
  }, [router.params?.focus, onboarding.data])

  const gate = onboardingPlaceholder(me, onboarding, '加入社群后才能看新人手册')
  if (gate) return gate
  const data = onboarding.data!

  async function ack(version: number) {
    if (acking) return
    setAcking(true)
    setAckError(null)
    try {
      const result = await community.ackRules(version)
      const step = result.checklist.items.find((i) => i.step === 'rules')
      void Taro.showToast({
        title: result.recorded && step?.paid ? `已确认群规 +${step.paid} 积分` : '已确认群规',
        icon: 'none',
      })
      onboardingChanged()
    } catch (err) {
      const e = toServiceError(err)
      setAckError(e.message)
      if (e.code === 'RULES_VERSION_STALE') void onboarding.refresh()
    } finally {
      setAcking(false)
    }
  }

  const { sections, rules } = data
  return (
    <View className='qh-page'>
      {sections.length === 0 ? (
        <View className='qh-card'>
          <EmptyView title='手册还在准备中' description='管理员还没有写新人手册，先看看下面的群规吧。' />
        </View>
      ) : (
        sections.map((section, i) => (
          <View className='qh-card ob-section' key={`${i}-${section.title}`}>
            <Text className='ob-section__title'>{section.title}</Text>
            <Text className='ob-section__body'>{section.body}</Text>
          </View>
        ))
      )}

      <View className='qh-card' id='ob-rules'>
        <Text className='qh-card__title'>{rules.version ? `群规（第 ${rules.version} 版）` : '群规'}</Text>
        {rules.version === 0 ? (
          <Text className='qh-note'>社群还没有发布群规。</Text>
        ) : (
          <View>
            <Text className='ob-rules__short'>{rules.shortRules}</Text>
            <Text className='ob-rules__full'>{rules.fullRules}</Text>
            {ackError && <Text className='ob-error'>{ackError}</Text>}
            {rules.needsAck ? (
              <Button type='primary' block loading={acking} onClick={() => void ack(rules.version)}>
                已阅，我会遵守
              </Button>
            ) : (
              <Text className='ob-done'>{`✓ 你已确认第 ${rules.version} 版群规`}</Text>
            )}
          </View>
        )}
      </View>
    </View>
  )
}
