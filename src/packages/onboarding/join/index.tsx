import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { EmptyView, LoadingView } from '@/components/StateView'
import { meStore } from '@/hooks/meStore'
import { useMe } from '@/hooks/useMe'
import * as member from '@/services/member'
import { toServiceError } from '@/services/service-error'
import { Button } from '@/ui/nutui'
import Choices from '../Choices'
import '../onboarding.scss'
import { confirmModal } from '@/ui/modal'

function clock(iso: string): string {
  const d = new Date(iso)
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

/** 入群答题: the entry quiz (graded on the server) and the entry questionnaire, for a quiz community. */
export default function JoinQuizPage() {
  const me = useMe()
  const gate = me.data?.pendingJoin
  const [answers, setAnswers] = useState<Record<string, number>>({})
  const [survey, setSurvey] = useState<Record<string, number[]>>({})
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)

  if (!me.data && me.loading)
    return (
      <View className='qh-page'>
        <LoadingView />
      </View>
    )
  if (me.data?.member)
    return (
      <View className='qh-page'>
        <EmptyView title='你已经在社群里了'>
          <Button
            type='primary'
            size='small'
            onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}
          >
            回到首页
          </Button>
        </EmptyView>
      </View>
    )
  if (!gate?.quiz)
    return (
      <View className='qh-page'>
        <EmptyView title='没有待答的入群题' description='请在首页输入邀请码，或从群里的小程序卡片进入。' />
      </View>
    )
  const { quiz, community, questionnaire } = gate
  const unanswered = quiz.questions.filter((q) => answers[q.id] === undefined).length

  async function submit() {
    if (!gate || submitting) return
    if (unanswered) return setError(`还有 ${unanswered} 道题没有作答`)
    setSubmitting(true)
    setError(null)
    try {
      const result = await member.submitQuiz({
        communityId: gate.community.id,
        answers,
        ...(Object.keys(survey).length ? { questionnaire: survey } : {}),
      })
      meStore.joined(result)
      if (member.isGatedJoin(result)) {
        setAnswers({})
      } else {
        await confirmModal({
          title: `欢迎加入${result.community.name}`,
          content: result.welcome?.shortRules
            ? `群规速览：${result.welcome.shortRules}`
            : '答题通过，欢迎你！',
          showCancel: false,
          confirmText: '进入社群',
        })
        void Taro.switchTab({ url: '/pages/home/index' })
      }
    } catch (err) {
      setError(toServiceError(err).message)
    } finally {
      setSubmitting(false)
    }
  }

  const waiting = quiz.retryAt && Date.parse(quiz.retryAt) > Date.now()
  return (
    <View className='qh-page'>
      <View className='qh-card'>
        <Text className='qh-card__title'>{community.name}</Text>
        <Text className='qh-note'>
          {`共 ${quiz.questions.length} 题，答对 ${quiz.passMark}% 即可入群；没通过可以在 ${quiz.cooldownMinutes} 分钟后再试。`}
        </Text>
      </View>

      {quiz.last && !quiz.last.passed && (
        <View className='qh-card'>
          <Text className='ob-result'>{`上次答对 ${quiz.last.correct}/${quiz.last.total} 题，还差一点`}</Text>
          <Text className='qh-note'>
            {waiting ? `${clock(quiz.retryAt!)} 后可以再答一次，先翻翻群公告吧。` : '现在可以再答一次了。'}
          </Text>
        </View>
      )}

      <View className='qh-card'>
        {quiz.questions.map((q, i) => (
          <Choices
            key={q.id}
            text={`${i + 1}. ${q.text}`}
            options={q.options}
            chosen={answers[q.id] === undefined ? [] : [answers[q.id]]}
            onChange={(next) => {
              const copy = { ...answers }
              if (next.length) copy[q.id] = next[0]
              else delete copy[q.id]
              setAnswers(copy)
            }}
          />
        ))}
      </View>

      {questionnaire.length > 0 && (
        <View className='qh-card'>
          <Text className='qh-card__title'>入群问卷（选填）</Text>
          <Text className='qh-note'>帮大家更快认识你，会成为你的资料标签。</Text>
          {questionnaire.map((q) => (
            <Choices
              key={q.id}
              text={q.text}
              options={q.options}
              multiple={q.multiple}
              chosen={survey[q.id] ?? []}
              onChange={(next) => setSurvey({ ...survey, [q.id]: next })}
            />
          ))}
        </View>
      )}

      {error && <Text className='ob-error'>{error}</Text>}
      <Button type='primary' block loading={submitting} disabled={!!waiting} onClick={() => void submit()}>
        {waiting ? '冷却中，请稍后再试' : '提交答案'}
      </Button>
    </View>
  )
}
