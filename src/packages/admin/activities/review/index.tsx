import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import BarChart from '@/components/BarChart'
import StaffGate from '@/components/StaffGate'
import { EmptyView, PendingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import QuestionResult from '@/packages/admin/survey/results/QuestionResult'
import * as sop from '@/services/sop'
import type { ReviewView } from '@/services/sop'
import { dateTimeText } from '@/ui/dates'
import '../sop.scss'

/** 活动复盘: the T+1d review — attendance, targets beside actuals, feedback, and earlier activities. */
export default function SopReviewPage() {
  const id = decodeURIComponent(useRouter().params?.id ?? '')
  return (
    <View className='qh-page'>
      <StaffGate>{() => <Review id={id} />}</StaffGate>
    </View>
  )
}

/** 0.853 → 85.3% */
const pct = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`
const signed = (n: number, text: string) =>
  n > 0 ? `+${text}` : n < 0 ? `−${text.replace('-', '')}` : '持平'

function Review({ id }: { id: string }) {
  const loaded = useLoader(() => sop.review(id), [id])
  const r = loaded.data
  if (!r) return <PendingView loader={loaded} />
  if (!r.ready)
    return (
      <EmptyView
        title={`「${r.title}」的复盘还没有生成`}
        description={
          r.dueAt ? `活动结束后的第二天（${dateTimeText(r.dueAt)}）自动生成。` : '这场活动没有安排复盘。'
        }
      />
    )
  return <ReviewBody review={r.review} />
}

function ReviewBody({ review }: { review: ReviewView }) {
  const f = review.figures
  const figures: [string, string][] = [
    ['报名', `${f.signups} 人`],
    ['确认参加', `${f.confirmed} 人`],
    ['候补', `${f.waitlisted} 人`],
    ['取消', `${f.cancelled} 人`],
    ['到场', `${f.attended} 人`],
    ['到场率', pct(f.attendanceRate)],
    ['未到场', `${f.noShows} 人`],
    ['带来新成员', `${f.newMembers} 人`],
    ['发放积分', `${f.pointsPaid} 分`],
  ]
  return (
    <View>
      <View className='qh-card'>
        <Text className='qh-card__title'>{review.title}</Text>
        <Text className='qh-note'>{`${review.kindName} · ${dateTimeText(review.startAt)} 开始`}</Text>
        <View className='sop-figures'>
          {figures.map(([label, value]) => (
            <View key={label} className='sop-figure'>
              <Text className='sop-figure__value'>{value}</Text>
              <Text className='qh-muted'>{label}</Text>
            </View>
          ))}
        </View>
        <BarChart
          title='报名与到场'
          bars={[
            { label: '确认参加', value: f.confirmed },
            { label: '到场', value: f.attended, tone: 'good' },
            { label: '未到场', value: f.noShows, tone: 'warn' },
            { label: '候补', value: f.waitlisted, tone: 'quiet' },
          ]}
        />
      </View>

      <Text className='qh-section-title'>触达目标</Text>
      <View className='qh-card'>
        {review.reach.map((r) => (
          <View key={r.key} className='sop-reach'>
            <Text className='sop-reach__name'>{r.name}</Text>
            <Text className='sop-reach__line'>
              {`目标 ≥ ${pct(r.target)} · 实际 ${r.actual === null ? '未记录' : pct(r.actual)}`}
            </Text>
            {r.met !== null && (
              <Text className={`sop-reach__verdict sop-reach__verdict--${r.met ? 'met' : 'missed'}`}>
                {r.met ? '达标' : '未达标'}
              </Text>
            )}
          </View>
        ))}
        <BarChart
          max={100}
          bars={review.reach
            .filter((r) => r.actual !== null)
            .map((r) => ({
              label: r.name,
              value: Math.round(r.actual! * 1000) / 10,
              display: pct(r.actual!),
              tone: r.met ? ('good' as const) : ('warn' as const),
              band: [r.target, 1] as [number, number],
            }))}
        />
        <Text className='qh-note'>
          {f.reminded + f.notSubscribed + f.reminderFailed > 0
            ? `开始前 1 小时提醒：已提醒 ${f.reminded} 人，${f.notSubscribed} 人未订阅提醒，${f.reminderFailed} 人发送失败。`
            : '开始前 1 小时提醒没有发出（活动无人确认参加，或提醒时间已过）。'}
        </Text>
      </View>

      <Text className='qh-section-title'>与往期同类活动对比</Text>
      {review.comparison ? (
        <View className='qh-card'>
          <Text className='qh-note'>{`最近 ${review.comparison.count} 场${review.kindName}活动的平均值`}</Text>
          {review.comparison.figures.map((c) => {
            const show = (n: number) => (c.key === 'attendanceRate' ? pct(n) : String(n))
            return (
              <View key={c.key} className='sop-compare'>
                <Text className='sop-compare__name'>{c.name}</Text>
                <Text>{`本场 ${show(c.current)}`}</Text>
                <Text className='qh-muted'>{`往期平均 ${show(c.average)}`}</Text>
                <Text className={`sop-compare__delta sop-compare__delta--${c.delta >= 0 ? 'up' : 'down'}`}>
                  {signed(c.delta, show(c.delta))}
                </Text>
              </View>
            )
          })}
        </View>
      ) : (
        <EmptyView title='这是社群第一场这类活动' description='以后的同类活动会和它对比。' />
      )}

      {review.survey && (
        <View>
          <Text className='qh-section-title'>{`反馈问卷：${review.survey.title}（${review.survey.responses} 份）`}</Text>
          {review.survey.questions.map((q, i) => (
            <QuestionResult key={q.id} surveyId={review.survey!.surveyId} index={i} stats={q} />
          ))}
        </View>
      )}
      <Text className='qh-note'>{`复盘生成于 ${dateTimeText(review.createdAt)}`}</Text>
    </View>
  )
}
