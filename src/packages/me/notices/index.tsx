import { Text, View } from '@tarojs/components'
import { NOTICE_DAYS } from '@core/sanctions'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { notices } from '@/services/sanctions'
import { dateText } from '@/ui/dates'
import '../../admin/sanctions/index.scss'

/** 社群公告: the ladder's public namings (step 2) of the last NOTICE_DAYS days. */
export default function NoticesPage() {
  const board = useLoader(() => notices(), [])
  let body
  if (board.loading && !board.data) body = <LoadingView />
  else if (board.error && !board.data)
    body = <ErrorView message={board.error.message} onRetry={() => void board.refresh()} />
  else if (board.data && board.data.items.length === 0)
    body = <EmptyView title='暂无公告' description={`近 ${NOTICE_DAYS} 天没有公开点名的违规。`} />
  else if (board.data)
    body = (
      <View className='qh-card'>
        <Text className='qh-note'>以下成员因违反群规被公开点名，公示 {NOTICE_DAYS} 天。</Text>
        {board.data.items.map((n, i) => (
          <View key={i} className='asan-line'>
            <View className='asan-line__head'>
              <Text className='asan-line__who'>{n.nickname}</Text>
              <Text className='qh-note'>{dateText(n.createdAt)}</Text>
            </View>
            <Text>{n.reason}</Text>
          </View>
        ))}
      </View>
    )
  return <View className='qh-page'>{body}</View>
}
