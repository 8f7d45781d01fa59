import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import LoadMore from '@/components/LoadMore'
import Pill from '@/components/Pill'
import StaffGate from '@/components/StaffGate'
import { EmptyView, PendingView } from '@/components/StateView'
import { useCursorPages } from '@/hooks/useCursorPages'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import * as surveys from '@/services/survey'
import type { SurveyListStatus, SurveySummary } from '@/services/survey'
import { Button } from '@/ui/nutui'
import './survey-admin.scss'
import { dateTimeText } from '@/ui/dates'

const FILTERS: { key: SurveyListStatus; name: string }[] = [
  { key: 'all', name: '全部' },
  { key: 'draft', name: '草稿' },
  { key: 'published', name: '进行中' },
  { key: 'closed', name: '已结束' },
]

function open(s: SurveySummary) {
  const page = s.status === 'draft' || s.kind === 'entry' ? 'edit' : 'results'
  void Taro.navigateTo({ url: `/packages/admin/survey/${page}/index?id=${encodeURIComponent(s.id)}` })
}

/** 问卷管理: every survey by state; drafts open in the builder, the rest in their results. */
export default function SurveyAdminPage() {
  return (
    <View className='qh-page'>
      <StaffGate>{() => <SurveyList />}</StaffGate>
    </View>
  )
}

function SurveyList() {
  const [status, setStatus] = useState<SurveyListStatus>('all')
  const pages = useCursorPages((cursor) => surveys.list(status, cursor), [status])
  useRefreshOnShow(pages)
  return (
    <View>
      <View className='sa-tabs'>
        {FILTERS.map((f) => (
          <Text
            key={f.key}
            className={`sa-tab${status === f.key ? ' sa-tab--on' : ''}`}
            onClick={() => setStatus(f.key)}
          >
            {f.name}
          </Text>
        ))}
      </View>
      <Button
        className='sa-new'
        type='primary'
        block
        onClick={() => void Taro.navigateTo({ url: '/packages/admin/survey/edit/index' })}
      >
        新建问卷
      </Button>
      {!pages.data ? (
        <PendingView loader={pages} />
      ) : !pages.items.length ? (
        <EmptyView title='还没有问卷' description='新建一份问卷，发布后成员就能填写，完成可得积分。' />
      ) : (
        <View className='qh-card'>
          {pages.items.map((s) => (
            <View key={s.id} className='sv-item' onClick={() => open(s)}>
              <View className='sv-item__head'>
                <Text className='sv-item__title'>{s.title}</Text>
                <Pill tone={s.status === 'published' ? 'soft' : 'quiet'}>
                  {s.kind === 'entry' ? '入群问卷' : s.statusName}
                </Pill>
              </View>
              <Text className='sv-item__meta'>
                {[
                  `${s.questionCount} 道题`,
                  `${s.responses} 份回答`,
                  s.kind === 'entry' ? '答案成为成员标签' : `奖励 ${s.reward} 积分`,
                  s.anonymous ? '匿名' : '',
                  s.deadline ? `${dateTimeText(s.deadline)} 截止` : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </View>
          ))}
          <LoadMore pages={pages} />
        </View>
      )}
    </View>
  )
}
