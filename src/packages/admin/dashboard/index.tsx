import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import BarChart, { type Bar } from '@/components/BarChart'
import StaffGate from '@/components/StaffGate'
import { EmptyView, PendingView } from '@/components/StateView'
import { DASHBOARD_READ_DAYS } from '@core/metrics'
import { useLoader } from '@/hooks/useLoader'
import { exportProgressText, saveExport, type ExportProgress } from '@/services/csv'
import {
  exportDaily,
  overview,
  type AlertView,
  type DashboardOverview,
  type MetricReading,
} from '@/services/dashboard'
import { toServiceError } from '@/services/service-error'
import { askSubscriptions } from '@/services/subscribe'
import { subscribeResultText } from '@/services/subscribe-templates'
import { dayKeyText } from '@/ui/dates'
import { Button } from '@/ui/nutui'
import UChart from './UChart'
import './index.scss'

/** 数据看板: the community's health in one screen, what slipped, and what to do about it. */
export default function DashboardPage() {
  return (
    <View className='qh-page'>
      <StaffGate>{() => <DashboardBody />}</StaffGate>
    </View>
  )
}

function DashboardBody() {
  const view = useLoader(overview, [])
  if (!view.data) return <PendingView loader={view} />
  const data = view.data
  if (!data.day)
    return (
      <EmptyView
        title='还没有数据'
        description='每天凌晨统计前一天的数据，第一次统计后这里会显示社群的健康状况。'
      />
    )
  return (
    <View>
      <View className='qh-card dash-head'>
        <Text className='dash-head__title'>截至 {dayKeyText(data.day)}</Text>
        <Text className='qh-muted'>
          {data.members} 位成员 · 当天活跃 {data.dau} 人 · 已统计{' '}
          {data.days >= DASHBOARD_READ_DAYS ? `${DASHBOARD_READ_DAYS} 天以上` : `${data.days} 天`}
        </Text>
        {data.days < 7 && (
          <Text className='qh-note'>社群数据不足 7 天，部分指标和预警会在数据足够后出现。</Text>
        )}
      </View>
      <Alerts alerts={data.alerts} />
      <Text className='qh-section-title'>健康指标</Text>
      {data.metrics.map((m) => (
        <MetricCard key={m.key} metric={m} days={data.trendDays} />
      ))}
      <Tiers tiers={data.tiers} />
      <Funnel funnel={data.funnel} />
      <Top top={data.top} />
      <Export />
    </View>
  )
}

function MetricCard({ metric, days }: { metric: MetricReading; days: string[] }) {
  const shown = metric.value === null ? '数据不足' : `${metric.value}${metric.unit}`
  const points = metric.trend.map((v) => v ?? 0)
  return (
    <View className={`qh-card dash-metric dash-metric--${metric.band ?? 'none'}`} data-metric={metric.key}>
      <View className='dash-metric__top'>
        <Text className='dash-metric__name'>{metric.name}</Text>
        {metric.bandName && <Text className={`dash-band dash-band--${metric.band}`}>{metric.bandName}</Text>}
      </View>
      <Text className='dash-metric__value'>{shown}</Text>
      <Text className='qh-note dash-metric__formula'>{metric.formula}</Text>
      {metric.bands && <Text className='qh-note'>{metric.bands}</Text>}
      {metric.trend.some((v) => v !== null) && metric.trend.length > 1 && (
        <UChart
          id={`dash-trend-${metric.key}`}
          height={110}
          options={{
            type: 'line',
            categories: days.slice(-points.length).map((d) => d.slice(5)),
            series: [{ name: metric.name, data: points, color: '#f0642d' }],
            xAxis: { disabled: true, disableGrid: true },
            yAxis: { gridType: 'dash', splitNumber: 2 },
            extra: { line: { type: 'straight', width: 2 } },
          }}
        />
      )}
    </View>
  )
}

function Alerts({ alerts }: { alerts: AlertView[] }) {
  const [asked, setAsked] = useState('')
  const subscribe = async () => {
    const outcome = await askSubscriptions(['healthAlert'])
    setAsked(subscribeResultText(outcome.answers))
  }
  const open = alerts.filter((a) => a.status === 'open')
  const resolved = alerts.filter((a) => a.status === 'resolved').slice(0, 3)
  return (
    <View className='qh-card dash-alerts'>
      <View className='dash-metric__top'>
        <Text className='qh-card__title'>预警</Text>
        <Text className='dash-link' onClick={() => void subscribe()}>
          {asked || '订阅预警通知'}
        </Text>
      </View>
      {!open.length && <Text className='qh-muted'>目前没有预警，社群运转正常。</Text>}
      {open.map((a) => (
        <AlertItem key={a.id} alert={a} />
      ))}
      {resolved.map((a) => (
        <View key={a.id} className='dash-alert dash-alert--resolved'>
          <Text className='qh-muted'>
            已恢复：{a.title}（{dayKeyText(a.since)} 起）
          </Text>
        </View>
      ))}
    </View>
  )
}

function AlertItem({ alert }: { alert: AlertView }) {
  return (
    <View className='dash-alert' data-alert={alert.rule}>
      <Text className='dash-alert__title'>{alert.title}</Text>
      <Text className='dash-alert__summary'>{alert.summary}</Text>
      <Text className='dash-alert__plan-title'>建议这样做</Text>
      {alert.plays.map((p) => (
        <View key={p.key} className='dash-play'>
          <Text className='dash-play__title'>{p.title}</Text>
          <Text className='qh-note'>{p.why}</Text>
          <View className='dash-play__links'>
            {p.links.map((l) => (
              <Button
                key={l.url}
                size='small'
                type='primary'
                fill='outline'
                className='dash-play__link'
                onClick={() => void Taro.navigateTo({ url: l.url })}
              >
                {l.label}
              </Button>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}

function Tiers({ tiers }: { tiers: DashboardOverview['tiers'] }) {
  if (!tiers.weekKey)
    return (
      <View className='qh-card'>
        <Text className='qh-card__title'>成员分层</Text>
        <Text className='qh-muted'>还没有周评分，每周一凌晨计算。</Text>
      </View>
    )
  const bars: Bar[] = tiers.rows.map((r) => ({
    label: `${r.name} ${r.count}人`,
    value: r.percent,
    display: `${r.percent}%`,
  }))
  return (
    <View className='qh-card'>
      <Text className='qh-card__title'>成员分层</Text>
      <BarChart bars={bars} max={100} title={`${dayKeyText(tiers.weekKey)}那周 · 共 ${tiers.total} 人`} />
    </View>
  )
}

function Funnel({ funnel }: { funnel: DashboardOverview['funnel'] }) {
  const joined = funnel.steps[0]?.count ?? 0
  return (
    <View className='qh-card'>
      <Text className='qh-card__title'>最新一批新人</Text>
      {!funnel.week || !joined ? (
        <Text className='qh-muted'>最近一个完整的入群周没有新人加入。</Text>
      ) : (
        <View>
          <Text className='qh-note'>
            {dayKeyText(funnel.week)}那周加入的 {joined} 人，走到了哪一步：
          </Text>
          <UChart
            id='dash-funnel'
            height={200}
            options={{
              type: 'funnel',
              series: [
                {
                  name: '新人漏斗',
                  data: funnel.steps.map((s) => ({ name: `${s.name} ${s.count}`, value: s.count })),
                },
              ],
              extra: {
                funnel: {
                  activeOpacity: 0.3,
                  border: true,
                  borderWidth: 1,
                  borderColor: '#FFFFFF',
                  type: 'triangle',
                  labelAlign: 'right',
                },
              },
            }}
          />
          <View className='dash-funnel-list'>
            {funnel.steps.map((s) => (
              <Text key={s.key} className='qh-note'>
                {s.name}：{s.count} 人（{s.percent}%）
              </Text>
            ))}
          </View>
        </View>
      )}
    </View>
  )
}

function Top({ top }: { top: DashboardOverview['top'] }) {
  return (
    <View className='qh-card'>
      <Text className='qh-card__title'>本月贡献最多</Text>
      {!top.length && <Text className='qh-muted'>本月还没有人获得积分。</Text>}
      {top.map((m, i) => (
        <View key={m.memberId} className='dash-top'>
          <Text>
            {i + 1}. {m.nickname}
          </Text>
          <Text className='qh-muted'>{m.points} 分</Text>
        </View>
      ))}
    </View>
  )
}

function Export() {
  const [progress, setProgress] = useState<ExportProgress | null>(null)
  const [busy, setBusy] = useState(false)
  const download = async () => {
    setBusy(true)
    try {
      const done = await saveExport((cursor) => exportDaily(cursor), setProgress)
      void Taro.showToast({ title: done.message, icon: 'none' })
    } catch (err) {
      void Taro.showToast({ title: toServiceError(err).message, icon: 'none' })
    } finally {
      setBusy(false)
      setProgress(null)
    }
  }
  return (
    <View className='qh-card'>
      <Button block type='primary' fill='outline' disabled={busy} onClick={() => void download()}>
        {busy ? exportProgressText(progress) : '导出每日数据 CSV'}
      </Button>
    </View>
  )
}
