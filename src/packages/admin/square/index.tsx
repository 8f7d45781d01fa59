import { Text, View } from '@tarojs/components'
import { CONTENT_CATEGORIES, CONTENT_CATEGORY_NAMES } from '@core/square'
import BarChart from '@/components/BarChart'
import { PendingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import * as square from '@/services/square'

const percent = (share: number) => `${Math.round(share * 100)}%`

/**
 * 广场内容结构: the past 4 weeks' content mix (干货/互动/生活) against the 3:5:2 target, and posts per
 * day against the healthy 50 or more.
 */
export default function SquareMixPage() {
  const loaded = useLoader(() => square.mix(), [])
  const d = loaded.data
  if (!d)
    return (
      <View className='qh-page'>
        <PendingView loader={loaded} />
      </View>
    )
  const target = CONTENT_CATEGORIES.map((c) => `${CONTENT_CATEGORY_NAMES[c]} ${percent(d.target[c])}`).join(
    ' · ',
  )
  return (
    <View className='qh-page'>
      <View className='qh-card'>
        <Text className='qh-card__title'>日均发帖</Text>
        <Text className='qh-note'>{`健康线：每天 ≥ ${d.healthyPostsPerDay} 条`}</Text>
        <BarChart
          bars={d.weeks.map((w) => ({
            label: `${w.weekKey.slice(5)} 周`,
            value: w.postsPerDay,
            display: `${w.postsPerDay} 条/天`,
            tone: w.postsPerDay >= d.healthyPostsPerDay ? 'good' : 'warn',
          }))}
          max={Math.max(d.healthyPostsPerDay, ...d.weeks.map((w) => w.postsPerDay))}
        />
      </View>
      {d.weeks
        .slice()
        .reverse()
        .map((w) => {
          const total = CONTENT_CATEGORIES.reduce((n, c) => n + w.counts[c], 0)
          return (
            <View key={w.weekKey} className='qh-card'>
              <Text className='qh-card__title'>{`${w.weekKey} 起一周 · ${total} 条`}</Text>
              <Text className='qh-note'>{`目标 ${target}${total ? ` · 偏离 ${percent(w.distance)}` : ''}`}</Text>
              {total === 0 ? (
                <Text className='qh-muted'>这一周没有帖子</Text>
              ) : (
                <BarChart
                  max={1}
                  bars={CONTENT_CATEGORIES.map((c) => ({
                    label: CONTENT_CATEGORY_NAMES[c],
                    value: w.shares[c],
                    display: `${percent(w.shares[c])}（${w.counts[c]}）`,
                    tone: Math.abs(w.shares[c] - d.target[c]) <= 0.1 ? 'good' : 'warn',
                    band: [Math.max(0, d.target[c] - 0.05), Math.min(1, d.target[c] + 0.05)],
                  }))}
                />
              )}
            </View>
          )
        })}
    </View>
  )
}
