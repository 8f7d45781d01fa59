import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import LoadMore from '@/components/LoadMore'
import Pill from '@/components/Pill'
import { EmptyView, PendingView } from '@/components/StateView'
import { useCursorPages } from '@/hooks/useCursorPages'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import * as surveys from '@/services/survey'
import type { SurveySummary } from '@/services/survey'
import { Button } from '@/ui/nutui'
import '../survey.scss'
import { dateTimeText } from '@/ui/dates'

function meta(s: SurveySummary): string {
  const parts = [`${s.questionCount} 道题`]
  if (s.reward > 0) parts.push(`完成得 ${s.reward} 积分`)
  if (s.deadline) parts.push(`${dateTimeText(s.deadline)} 截止`)
  if (s.anonymous) parts.push('匿名')
  return parts.join(' · ')
}

/** 问卷: the community's open surveys, each with whether I have answered it. */
export default function SurveyListPage() {
  const pages = useCursorPages((cursor) => surveys.list(undefined, cursor), [])
  // Back from answering: show it as answered.
  useRefreshOnShow(pages)
  if (!pages.data)
    return (
      <View className='qh-page'>
        <PendingView loader={pages} />
      </View>
    )
  if (!pages.items.length)
    return (
      <View className='qh-page'>
        <EmptyView
          title='暂时没有进行中的问卷'
          description='活动官发布问卷后会出现在这里，完成问卷可以得积分。'
        />
      </View>
    )
  return (
    <View className='qh-page'>
      <View className='qh-card'>
        {pages.items.map((s) => (
          <View key={s.id} className='sv-item'>
            <View className='sv-item__head'>
              <Text className='sv-item__title'>{s.title}</Text>
              {s.answered ? <Pill tone='quiet'>已完成</Pill> : null}
            </View>
            <Text className='sv-item__meta'>{meta(s)}</Text>
            {!s.answered && (
              <View className='sv-item__action'>
                <Button
                  type='primary'
                  size='small'
                  onClick={() =>
                    void Taro.navigateTo({
                      url: `/packages/survey/answer/index?id=${encodeURIComponent(s.id)}`,
                    })
                  }
                >
                  去填写
                </Button>
              </View>
            )}
          </View>
        ))}
        <LoadMore pages={pages} />
      </View>
    </View>
  )
}
