import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { addMonths, shanghaiMonthKey } from '@core/time'
import ActivityMonth from '@/components/ActivityMonth'
import LinkCell from '@/components/LinkCell'
import StaffGate from '@/components/StaffGate'
import { PendingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import * as activities from '@/services/activities'
import { dayKeyText } from '@/ui/dates'
import './activities-admin.scss'

const TABS = [
  { key: 'calendar', name: '日历' },
  { key: 'planner', name: '221 规划' },
  { key: 'series', name: '系列' },
] as const
type Tab = (typeof TABS)[number]['key']

/** 活动与日程: the staff calendar (drafts too), the 221 planner, the series, and the SOP screens. */
export default function ActivitiesAdminPage() {
  return (
    <View className='qh-page'>
      <StaffGate>{() => <Hub />}</StaffGate>
    </View>
  )
}

function Hub() {
  const [tab, setTab] = useState<Tab>('calendar')
  const [month, setMonth] = useState(() => shanghaiMonthKey(new Date()))
  return (
    <View>
      <View className='qh-card'>
        <LinkCell
          title='新建活动'
          description='讲座、互动、福利、打卡挑战、线下见面、直播'
          extra='新建'
          url='/packages/admin/activities/edit/index'
        />
        <LinkCell
          title='新建系列'
          description='每日早报、每周主题、月度庆典'
          extra='新建'
          url='/packages/admin/activities/edit/index?mode=series'
        />
        <LinkCell
          title='今日任务'
          description='各活动的 SOP 待办与逾期'
          extra='查看'
          url='/packages/admin/activities/tasks/index'
        />
      </View>
      <View className='aa-tabs'>
        {TABS.map((t) => (
          <Text
            key={t.key}
            className={`aa-tab${tab === t.key ? ' aa-tab--on' : ''}`}
            onClick={() => setTab(t.key)}
          >
            {t.name}
          </Text>
        ))}
      </View>
      {tab === 'calendar' && <StaffCalendar month={month} onMonth={(by) => setMonth(addMonths(month, by))} />}
      {tab === 'planner' && <Planner month={month} onMonth={(by) => setMonth(addMonths(month, by))} />}
      {tab === 'series' && <SeriesList />}
    </View>
  )
}

function StaffCalendar({ month, onMonth }: { month: string; onMonth: (by: -1 | 1) => void }) {
  const loaded = useLoader(() => activities.calendar(month), [month])
  useRefreshOnShow(loaded)
  if (!loaded.data) return <PendingView loader={loaded} />
  return (
    <ActivityMonth
      month={loaded.data.month}
      activities={loaded.data.activities}
      onMonth={onMonth}
      onOpen={(a) =>
        void Taro.navigateTo({ url: `/packages/admin/activities/edit/index?id=${encodeURIComponent(a.id)}` })
      }
    />
  )
}

function Planner({ month, onMonth }: { month: string; onMonth: (by: -1 | 1) => void }) {
  const loaded = useLoader(() => activities.planner(month), [month])
  useRefreshOnShow(loaded)
  const plan = loaded.data
  if (!plan) return <PendingView loader={loaded} />
  return (
    <View className='qh-card'>
      <View className='aa-month'>
        <Text className='aa-month__nav' onClick={() => onMonth(-1)}>
          ‹ 上月
        </Text>
        <Text className='qh-card__title'>{`${plan.month.replace('-', '年')}月 · 221 规划`}</Text>
        <Text className='aa-month__nav' onClick={() => onMonth(1)}>
          下月 ›
        </Text>
      </View>
      <Text className='qh-note'>每周 2 个小型、每两周 1 个中型、每月 1 个大型活动。</Text>
      <Text className={plan.missing.length ? 'aa-missing' : 'aa-ok'}>
        {plan.missing.length ? plan.missing.join('；') : `本月大型活动 ${plan.large} 个，已达标`}
      </Text>
      {plan.weeks.map((w) => (
        <View key={w.weekKey} className='aa-week'>
          <Text className='aa-week__title'>{`${dayKeyText(w.weekKey)}起的一周`}</Text>
          <Text className='aa-week__counts'>
            {`小型 ${w.small} · 中型 ${w.medium} · 大型 ${w.large}${w.drafts ? ` · 草稿 ${w.drafts}` : ''}`}
          </Text>
          {w.missing.length ? (
            w.missing.map((m) => (
              <Text key={m} className='aa-missing'>
                {m}
              </Text>
            ))
          ) : (
            <Text className='aa-ok'>本周达标</Text>
          )}
        </View>
      ))}
    </View>
  )
}

function SeriesList() {
  const loaded = useLoader(() => activities.series(), [])
  useRefreshOnShow(loaded)
  if (!loaded.data) return <PendingView loader={loaded} />
  return (
    <View className='qh-card'>
      {loaded.data.items.length === 0 && (
        <Text className='qh-muted'>还没有系列活动，可以从「新建系列」开始。</Text>
      )}
      {loaded.data.items.map((s) => (
        <View key={s.id} className='aa-week'>
          <Text className='aa-week__title'>{s.title}</Text>
          <Text className='aa-week__counts'>
            {`${s.ruleText} ${s.clock} · ${dayKeyText(s.fromDay)}至${dayKeyText(s.untilDay)} · 共 ${s.occurrences} 次`}
          </Text>
        </View>
      ))}
      <Text className='qh-note'>每一次都是单独的活动：在日历里点开可以单独修改或跳过。</Text>
    </View>
  )
}
