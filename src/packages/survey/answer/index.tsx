import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { EmptyView, PendingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import * as surveys from '@/services/survey'
import { toServiceError } from '@/services/service-error'
import { Button } from '@/ui/nutui'
import AnswerForm from './AnswerForm'
import '../survey.scss'
import { dateTimeText } from '@/ui/dates'

/** 填写问卷: the survey's intro, then one question at a time; the thank-you page after. */
export default function AnswerPage() {
  const id = decodeURIComponent(useRouter().params?.id ?? '')
  const loaded = useLoader(() => surveys.detail(id), [id])
  const survey = loaded.data
  if (!survey)
    return (
      <View className='qh-page'>
        <PendingView loader={loaded} />
      </View>
    )
  const back = <Button onClick={() => void Taro.navigateBack()}>返回</Button>
  if (survey.answered)
    return (
      <View className='qh-page'>
        <EmptyView title='你已经填写过这份问卷' description='每人只能填写一次，感谢参与！'>
          {back}
        </EmptyView>
      </View>
    )
  if (survey.status !== 'published')
    return (
      <View className='qh-page'>
        <EmptyView
          title={survey.status === 'draft' ? '问卷还没有发布' : '问卷已经结束'}
          description='看看其他进行中的问卷吧。'
        >
          {back}
        </EmptyView>
      </View>
    )
  if (!survey.questions.length)
    return (
      <View className='qh-page'>
        <EmptyView title='这份问卷还没有题目' />
      </View>
    )

  async function submit(answers: Parameters<typeof surveys.submit>[1]) {
    try {
      const result = await surveys.submit(survey!.id, answers)
      const query = `points=${result.points}&already=${result.alreadyAnswered ? 1 : 0}&held=${result.heldTexts}&title=${encodeURIComponent(survey!.title)}`
      void Taro.redirectTo({ url: `/packages/survey/thanks/index?${query}` })
      return null
    } catch (err) {
      const e = toServiceError(err)
      return { fields: e.fields, message: e.message }
    }
  }

  return (
    <View className='qh-page'>
      <View className='qh-card'>
        <Text className='qh-card__title'>{survey.title}</Text>
        {survey.intro && <Text className='qh-muted sv-intro'>{survey.intro}</Text>}
        <Text className='qh-note'>
          {[
            survey.reward > 0 ? `完成可得 ${survey.reward} 积分` : '',
            survey.anonymous ? '匿名问卷，结果不显示你的身份' : '',
            survey.deadline ? `${dateTimeText(survey.deadline)} 截止` : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </View>
      <AnswerForm survey={survey} onSubmit={submit} />
    </View>
  )
}
