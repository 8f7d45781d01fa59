import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BOARD_KINDS, BOARD_LIMIT, BOARD_NAMES, type BoardKind } from '@core/leaderboard'
import { LEVEL_NAMES } from '@core/levels'
import TabPage from '@/components/TabPage'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { useMe } from '@/hooks/useMe'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import { board, type BoardResult, type BoardRow } from '@/services/rank'
import { IconStarF } from '@/ui/icons'
import { askSubscriptions } from '@/services/subscribe'
import { subscribeResultText } from '@/services/subscribe-templates'
import Taro from '@tarojs/taro'
import './index.scss'

/** Asked at the tap on the month board: the monthly Top 3 message. */
async function remindTop3() {
  const { answers } = await askSubscriptions(['monthlyTop'])
  void Taro.showToast({ title: subscribeResultText(answers), icon: 'none' })
}

const EMPTY: Record<BoardKind, { title: string; description: string }> = {
  total: { title: '还没有人获得积分', description: '打卡、发言、参加活动都能获得积分' },
  week: { title: '本周还没有人获得积分', description: '打卡即可上榜' },
  month: { title: '本月还没有人获得积分', description: '打卡即可上榜' },
  streak: { title: '今天和昨天还没有人打卡', description: '打卡即可上榜，连续打卡天数越多排名越高' },
}

/** 排行榜: four boards of the caller's community, the top 50 with shared ranks, and their own place. */
export default function RankPage() {
  const me = useMe()
  const [kind, setKind] = useState<BoardKind>('week')
  const member = me.data?.member
  return (
    <TabPage current='rank'>
      {me.data && !member ? (
        <EmptyView icon={<IconStarF size={32} />} title='加入社群后查看排行榜' />
      ) : (
        <View>
          <View className='rank-switch'>
            {BOARD_KINDS.map((k) => (
              <Text
                key={k}
                className={`rank-switch__item${k === kind ? ' rank-switch__item--on' : ''}`}
                onClick={() => setKind(k)}
              >
                {BOARD_NAMES[k]}
              </Text>
            ))}
          </View>
          {member && <Board kind={kind} />}
          {member && kind === 'month' && (
            <Text className='qh-note rank-remind' onClick={() => void remindTop3()}>
              月底揭晓 Top 3 时提醒我
            </Text>
          )}
          {!member && me.loading && <LoadingView />}
        </View>
      )}
    </TabPage>
  )
}

function Board({ kind }: { kind: BoardKind }) {
  const loaded = useLoader(() => board(kind), [kind])
  useRefreshOnShow(loaded)
  const data = loaded.data?.kind === kind ? loaded.data : null
  if (!data && loaded.error)
    return <ErrorView message={loaded.error.message} onRetry={() => void loaded.refresh()} />
  if (!data) return <LoadingView />
  return (
    <View className='rank-board'>
      <Text className='qh-note rank-board__label'>
        {data.label}
        {data.staffHidden ? ' · 管理员和活动官不参与排名' : ''}
      </Text>
      {data.rows.length ? (
        <View className='qh-card rank-list'>
          {data.rows.map((row, i) => (
            <Row key={i} row={row} unit={data.unit} />
          ))}
        </View>
      ) : (
        <EmptyView icon={<IconStarF size={32} />} {...EMPTY[kind]} />
      )}
      {data.rows.length >= BOARD_LIMIT && (
        <Text className='qh-note rank-board__foot'>{`榜单只显示前 ${BOARD_LIMIT} 名`}</Text>
      )}
      <MyPlace data={data} />
    </View>
  )
}

function Row({ row, unit }: { row: BoardRow; unit: string }) {
  const top = row.rank <= 3 ? ` rank-row--top${row.rank}` : ''
  return (
    <View className={`rank-row${top}${row.isMe ? ' rank-row--me' : ''}`}>
      <Text className='rank-row__rank'>{row.rank}</Text>
      <View className='rank-row__who'>
        <Text className='rank-row__name'>{row.nickname}</Text>
        {row.title && <Text className='rank-row__title'>{row.title}</Text>}
        <Text className='rank-row__level'>{LEVEL_NAMES[row.level]}</Text>
      </View>
      <Text className='rank-row__value'>
        {row.value}
        <Text className='rank-row__unit'> {unit}</Text>
      </Text>
    </View>
  )
}

/** The caller's own place, pinned above the tab bar however far down they are. */
function MyPlace({ data }: { data: BoardResult }) {
  const { me, unit } = data
  const place = !me.ranked ? '你不参与排名' : me.rank ? `第 ${me.rank} 名` : '未上榜'
  return (
    <View className='rank-me'>
      <Text className='rank-me__label'>你的排名</Text>
      <Text className='rank-me__place'>{place}</Text>
      <Text className='rank-me__value'>
        {me.value} {unit}
      </Text>
    </View>
  )
}
