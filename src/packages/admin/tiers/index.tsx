import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import BarChart, { type Bar } from '@/components/BarChart'
import LoadMore from '@/components/LoadMore'
import Pill from '@/components/Pill'
import StaffGate from '@/components/StaffGate'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { useDistribution, useTierMembers } from '@/hooks/useScore'
import type { DistributionView, TierMember } from '@/services/score'
import type { DistributionGroup } from '@core/value-score'
import './index.scss'
import { dateText, dayKeyText, dayText } from '@/ui/dates'

const GROUPS: { key: DistributionGroup; name: string }[] = [
  { key: 'core', name: '核心' },
  { key: 'active', name: '活跃' },
  { key: 'normal', name: '普通' },
  { key: 'watch', name: '观察' },
  { key: 'silent', name: '沉默' },
]

/** 成员分层: last week's tier distribution against the healthy ranges, and each tier's members. */
export default function TiersPage() {
  return (
    <View className='qh-page'>
      <StaffGate>{() => <TiersBody />}</StaffGate>
    </View>
  )
}

function TiersBody() {
  const dist = useDistribution()
  const [group, setGroup] = useState<DistributionGroup>('silent')
  if (!dist.data && dist.loading) return <LoadingView />
  if (!dist.data)
    return <ErrorView message={dist.error?.message ?? '加载失败'} onRetry={() => void dist.refresh()} />
  if (!dist.data.weekKey)
    return (
      <EmptyView
        title='还没有周评分'
        description='每周一凌晨计算上一周的成员活跃度，算好后这里会显示分层。'
      />
    )
  return (
    <View>
      <Distribution view={dist.data} />
      <View className='tiers-tabs'>
        {GROUPS.map((g) => (
          <Text
            key={g.key}
            className={`tiers-tab ${g.key === group ? 'tiers-tab--on' : ''}`}
            onClick={() => setGroup(g.key)}
          >
            {g.name}
          </Text>
        ))}
      </View>
      <TierList key={group} group={group} />
    </View>
  )
}

function Distribution({ view }: { view: DistributionView }) {
  const bars: Bar[] = view.rows.map((r) => ({
    label: `${r.name} ${r.count}人`,
    value: r.percent,
    display: `${r.percent}%`,
    band: r.band ? [r.band[0] / 100, r.band[1] / 100] : undefined,
    tone: r.healthy === null ? 'quiet' : r.healthy ? 'good' : 'warn',
  }))
  return (
    <View className='qh-card tiers-dist'>
      <BarChart bars={bars} max={100} title={`${dayKeyText(view.weekKey ?? '')}那周 · 共 ${view.total} 人`} />
      <Text className='qh-note'>浅色底为健康区间：核心 5–8%、活跃 15–20%、普通 60–70%、沉默 10–15%。</Text>
      <Text className='qh-note'>
        沉默成员（3 个月没有活动）也计入他们所在的分层（多在观察），所以五项相加会超过 100%。
      </Text>
    </View>
  )
}

function TierList({ group }: { group: DistributionGroup }) {
  const pages = useTierMembers(group)
  if (pages.loading && !pages.items.length) return <LoadingView />
  if (pages.error && !pages.items.length)
    return <ErrorView message={pages.error.message} onRetry={() => void pages.refresh()} />
  if (!pages.items.length) return <EmptyView title='这一层暂时没有成员' />
  return (
    <View className='qh-card'>
      {group === 'silent' && (
        <Text className='qh-note'>3 个月没有活动，可以发送唤醒通知（每人 30 天最多一次）。</Text>
      )}
      {pages.items.map((m) => (
        <MemberRow key={m.memberId} member={m} />
      ))}
      <LoadMore pages={pages} />
    </View>
  )
}

function MemberRow({ member }: { member: TierMember }) {
  const open = () =>
    void Taro.navigateTo({
      url: `/packages/admin/tiers/member/index?id=${encodeURIComponent(member.memberId)}`,
    })
  return (
    <View className='tiers-row' onClick={open}>
      <View className='tiers-row__main'>
        <Text>{member.nickname}</Text>
        <Text className='qh-note'>
          {member.lastActiveAt ? `最近活动 ${dateText(member.lastActiveAt)}` : '还没有活动'}
          {member.lastWakeUpAt ? ` · ${dayText(member.lastWakeUpAt)}已唤醒` : ''}
        </Text>
      </View>
      <View className='tiers-row__side'>
        <Text className='tiers-row__score'>{member.valueScore}</Text>
        <Pill tone={member.silent ? 'quiet' : 'soft'}>{member.silent ? '沉默' : member.tierName}</Pill>
      </View>
    </View>
  )
}
