import { Text, View } from '@tarojs/components'
import Pill from '@/components/Pill'
import { ErrorView, LoadingView } from '@/components/StateView'
import { usePointsSummary } from '@/hooks/usePoints'
import '../points.scss'
import { dayText } from '@/ui/dates'

const CHANGE_TITLES = { promote: '升级', demote: '等级调整', dormant: '流失预警' } as const

/** 我的等级: progress to the next level, what each level unlocks, and the last change explained. */
export default function LevelPage() {
  const summary = usePointsSummary()
  const s = summary.data
  if (!s && summary.loading) return <LoadingView />
  if (!s)
    return <ErrorView message={summary.error?.message ?? '加载失败'} onRetry={() => void summary.refresh()} />

  const percent = Math.round(s.progress * 100)
  return (
    <View className='qh-page'>
      <View className='qh-card pts-level'>
        <View className='pts-level__top'>
          <Text className='pts-level__name'>{s.levelName}</Text>
          <Text className='qh-muted'>累计获得 {s.totalEarned} 分</Text>
        </View>
        <View className='pts-bar' aria-label={`升级进度 ${percent}%`}>
          <View className='pts-bar__fill' style={{ width: `${percent}%` }} />
        </View>
        <Text className='qh-note'>
          {s.next
            ? `再获得 ${s.next.toGo} 分升级为${s.next.name}（${s.next.at} 分）`
            : '你已是最高等级，感谢一路同行'}
        </Text>
      </View>

      {s.lastChange && (
        <View className='qh-card pts-change'>
          <Text className='qh-card__title'>
            {CHANGE_TITLES[s.lastChange.kind]} · {dayText(s.lastChange.createdAt)}
          </Text>
          <Text className='qh-muted'>{s.lastChange.reason}</Text>
        </View>
      )}

      <Text className='qh-section-title'>等级与权益</Text>
      {s.levels.map((level) => (
        <View
          key={level.level}
          className={`qh-card pts-tier ${level.level === s.level ? 'pts-tier--current' : ''}`}
        >
          <View className='pts-tier__head'>
            <Text className='pts-tier__name'>{level.name}</Text>
            {level.level === s.level ? (
              <Pill>当前</Pill>
            ) : (
              <Text className='qh-note'>累计 {level.threshold} 分</Text>
            )}
          </View>
          <Text className='qh-muted'>{level.rights.map((r) => r.name).join('、')}</Text>
        </View>
      ))}
      <Text className='qh-note pts-foot'>
        等级按累计获得的积分计算，消费积分不会降级。长期不活跃可能调整等级，每次调整都会在这里说明原因。
      </Text>
    </View>
  )
}
