import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import Pill from '@/components/Pill'
import { EmptyView } from '@/components/StateView'
import { useOnboarding } from '@/hooks/useOnboarding'
import { useMe } from '@/hooks/useMe'
import * as community from '@/services/community'
import { toServiceError } from '@/services/service-error'
import { Button } from '@/ui/nutui'
import Choices from '../Choices'
import { currentMembership, onboardingPlaceholder } from '../placeholder'
import '../onboarding.scss'

/** 入群问卷: occupation, interests, habits — the answers become my profile tags. */
export default function QuestionnairePage() {
  const me = useMe()
  const onboarding = useOnboarding(currentMembership(me))
  const [answers, setAnswers] = useState<Record<string, number[]>>({})
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const gate = onboardingPlaceholder(me, onboarding)
  if (gate) return gate
  const data = onboarding.data!
  if (data.questionnaire.length === 0)
    return (
      <View className='qh-page'>
        <EmptyView title='社群还没有设置入群问卷' />
      </View>
    )

  async function save() {
    setSaving(true)
    setError(null)
    try {
      const { tags } = await community.answerQuestionnaire(answers)
      onboarding.setData(data ? { ...data, tags } : data)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      setError(toServiceError(err).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='qh-page'>
      {data.tags.length > 0 && (
        <View className='qh-card'>
          <Text className='qh-card__title'>我的标签</Text>
          <View className='ob-options'>
            {data.tags.map((tag) => (
              <Pill key={tag}>{tag}</Pill>
            ))}
          </View>
        </View>
      )}
      <View className='qh-card'>
        {data.questionnaire.map((q) => (
          <Choices
            key={q.id}
            text={q.text}
            options={q.options}
            multiple={q.multiple}
            chosen={answers[q.id] ?? []}
            onChange={(next) => setAnswers({ ...answers, [q.id]: next })}
          />
        ))}
        {error && <Text className='ob-error'>{error}</Text>}
        <Button type='primary' block loading={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  )
}
