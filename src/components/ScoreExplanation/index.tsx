import { Text, View } from '@tarojs/components'
import BarChart, { type Bar } from '@/components/BarChart'
import Pill from '@/components/Pill'
import { EmptyView } from '@/components/StateView'
import type { MemberScoreView, ScoreExplanation as Explanation } from '@/services/score'
import { tierNamesFor, type TierAudience } from '@core/value-score'
import './index.scss'
import { dayKeyText } from '@/ui/dates'

const weekName = (weekKey: string) => `${dayKeyText(weekKey)}那周`

/**
 * One week's value score, explained: the total and tier, each dimension's 0–100 score with its
 * weight and what it added, the counters behind it, and the one suggestion. Used by the member's
 * own page and the admin's member detail (subpackage pages only).
 */
export default function ScoreExplanation({
  score,
  title,
  audience = 'staff',
}: {
  score: Explanation
  title?: string
  audience?: TierAudience
}) {
  const bars: Bar[] = score.parts.map((p) => ({
    label: `${p.name} ${p.weight}%`,
    value: p.score,
    display: `${p.score} · +${p.contribution}`,
    tone: p.score >= 80 ? 'good' : p.score >= 40 ? 'primary' : 'warn',
  }))
  return (
    <View className='qh-card score-expl'>
      <View className='score-expl__head'>
        <View className='score-expl__total'>
          <Text className='score-expl__value'>{score.total}</Text>
          <Text className='qh-note'>{title ?? weekName(score.weekKey)} · 满分 100</Text>
        </View>
        <View className='score-expl__tags'>
          <Pill>{score.tierName}</Pill>
          {score.silent && <Pill tone='quiet'>{audience === 'self' ? '好久不见' : '沉默'}</Pill>}
        </View>
      </View>
      <BarChart bars={bars} max={100} title='五项得分（0–100）与加权贡献' />
      <View className='score-expl__basis'>
        {score.parts.map((p) => (
          <Text key={p.key} className='qh-note'>
            {p.name}：{p.basis}
          </Text>
        ))}
      </View>
      <View className='score-expl__tip'>
        <Text className='score-expl__tip-title'>怎样提升</Text>
        <Text>{score.suggestion}</Text>
      </View>
    </View>
  )
}

/** A member's whole score page: the member's own, and what an admin sees on a member's detail. */
export function MemberScore({ view }: { view: MemberScoreView }) {
  const week = view.thisWeek.inputs
  return (
    <View>
      {view.score ? (
        <ScoreExplanation score={view.score} audience={view.audience} />
      ) : (
        <EmptyView
          title='还没有周评分'
          description='每周一凌晨计算上一周的活跃度，先打卡、写日记参与起来吧。'
        />
      )}

      <Text className='qh-section-title'>本周进行中</Text>
      <View className='qh-card score-week'>
        <Text>
          已打卡 {week.checkinDays} 天 · 日记 {week.notes} 篇 · 帖子 {week.posts ?? 0} 篇 · 回复{' '}
          {week.replies ?? 0} 条 · 收到 {week.likesReceived} 个赞 · 挑战打卡 {week.challengeDays} 天 · 邀请{' '}
          {week.invitesJoined} 人
        </Text>
        <Text className='qh-note'>按目前的记录，本周约 {view.thisWeek.total} 分（周一正式计算）</Text>
        <Text className='qh-muted'>{view.thisWeek.suggestion}</Text>
      </View>

      {view.history.length > 1 && (
        <View className='qh-card'>
          <BarChart
            title='最近几周'
            max={100}
            bars={view.history.map((h) => ({
              label: `${Number(h.weekKey.slice(5, 7))}/${Number(h.weekKey.slice(8, 10))}`,
              value: h.total,
              display: `${h.total} ${h.tierName}`,
            }))}
          />
        </View>
      )}
      <Text className='qh-note score-foot'>{scaleText(view.audience)}</Text>
    </View>
  )
}

/** The weights and the tier scale, named for whoever is reading. */
function scaleText(audience: TierAudience): string {
  const n = tierNamesFor(audience)
  return `活跃度每周一计算：发言频率 30%、内容质量 25%、活动参与 20%、邀请新人 15%、违规记录 10%。80 分以上为${n.core}，60–80 ${n.active}，40–60 ${n.normal}，40 以下${n.watch}。`
}
