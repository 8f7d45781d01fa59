import { Text, View } from '@tarojs/components'
import type { QuestionStats } from '@core/survey'
import BarChart from '@/components/BarChart'
import LoadMore from '@/components/LoadMore'
import { EmptyView, PendingView } from '@/components/StateView'
import { useCursorPages } from '@/hooks/useCursorPages'
import * as surveys from '@/services/survey'
import { dayText } from '@/ui/dates'

const pct = (p: number) => `${p}%`
/** What a bar prints: how many people and their share. */
const countAndShare = (count: number, percent: number) => `${count} 人 · ${pct(percent)}`
/** NPS scores coloured by group: 9–10 recommend, 7–8 neutral, 0–6 detract. */
const npsTone = (score: number) => (score >= 9 ? 'good' : score >= 7 ? 'quiet' : 'bad')

function TextAnswers({ surveyId, questionId }: { surveyId: string; questionId: string }) {
  const pages = useCursorPages(
    (cursor) => surveys.textAnswers(surveyId, questionId, cursor),
    [surveyId, questionId],
  )
  if (!pages.data) return <PendingView loader={pages} />
  if (!pages.items.length)
    return <EmptyView title='还没有文字回答' description='待审核的回答通过后会出现在这里。' />
  return (
    <View>
      {pages.items.map((t) => (
        <View key={t.id} className='sa-text'>
          <Text>{t.text}</Text>
          <Text className='qh-note'>{` — ${t.nickname ?? '匿名'} · ${dayText(t.createdAt)}`}</Text>
        </View>
      ))}
      <LoadMore pages={pages} />
    </View>
  )
}

/** One question's statistics as a chart (the view-drawn BarChart renders in the mini-program and H5). */
export default function QuestionResult({
  surveyId,
  index,
  stats: s,
}: {
  surveyId: string
  index: number
  stats: QuestionStats
}) {
  const title = `${index + 1}. ${s.title}`
  return (
    <View className='qh-card'>
      <Text className='qh-card__title'>{title}</Text>
      <Text className='qh-note'>{`${s.answered} 人回答`}</Text>
      {s.options && (
        <BarChart
          max={100}
          bars={s.options.map((o) => ({
            label: o.label,
            value: o.percent,
            display: countAndShare(o.count, o.percent),
          }))}
        />
      )}
      {s.type === 'rating' && (
        <View>
          <View className='sa-stat'>
            <View>
              <Text className='sa-stat__value'>
                {s.average === null || s.average === undefined ? '—' : s.average.toFixed(2)}
              </Text>
              <Text className='qh-muted'>平均分（满分 5）</Text>
            </View>
          </View>
          <BarChart
            title='各分数人数'
            bars={(s.distribution ?? []).map((d) => ({
              label: d.label,
              value: d.count,
              display: countAndShare(d.count, d.percent),
            }))}
          />
        </View>
      )}
      {s.type === 'nps' && s.nps && (
        <View>
          <View className='sa-stat'>
            <View>
              <Text className='sa-stat__value'>{s.nps.score === null ? '—' : String(s.nps.score)}</Text>
              <Text className='qh-muted'>NPS 净推荐值（−100 到 100）</Text>
            </View>
          </View>
          <BarChart
            max={100}
            bars={[
              {
                label: '推荐者 9–10',
                value: s.nps.promotersPercent,
                display: countAndShare(s.nps.promoters, s.nps.promotersPercent),
                tone: 'good',
              },
              {
                label: '中立者 7–8',
                value: s.nps.passivesPercent,
                display: countAndShare(s.nps.passives, s.nps.passivesPercent),
                tone: 'quiet',
              },
              {
                label: '贬损者 0–6',
                value: s.nps.detractorsPercent,
                display: countAndShare(s.nps.detractors, s.nps.detractorsPercent),
                tone: 'bad',
              },
            ]}
          />
          <BarChart
            title='各分数人数'
            bars={(s.distribution ?? []).map((d, score) => ({
              label: d.label,
              value: d.count,
              display: `${d.count} 人`,
              tone: npsTone(score),
            }))}
          />
        </View>
      )}
      {s.type === 'text' && <TextAnswers surveyId={surveyId} questionId={s.id} />}
    </View>
  )
}
