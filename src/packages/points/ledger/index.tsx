import { Text, View } from '@tarojs/components'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { useLedger, usePointsSummary } from '@/hooks/usePoints'
import { Button } from '@/ui/nutui'
import '../points.scss'
import { dateTimeText } from '@/ui/dates'

/** 积分明细: the balance, then every ledger row newest first, a page at a time. */
export default function LedgerPage() {
  const summary = usePointsSummary()
  const ledger = useLedger()

  let list
  if (ledger.loading) list = <LoadingView />
  else if (ledger.error && !ledger.items.length)
    list = <ErrorView message={ledger.error.message} onRetry={() => void ledger.reload()} />
  else if (!ledger.items.length)
    list = <EmptyView title='还没有积分记录' description='每日打卡、参与活动都能获得积分。' />
  else
    list = (
      <View className='qh-card pts-ledger'>
        {ledger.items.map((row) => (
          <View key={row.id} className='pts-row'>
            <View className='pts-row__main'>
              <Text className='pts-row__reason'>{row.reason}</Text>
              <Text className='qh-note'>
                {dateTimeText(row.createdAt)} · 余额 {row.balanceAfter}
              </Text>
            </View>
            <Text className={`pts-row__delta ${row.delta >= 0 ? 'pts-plus' : 'pts-minus'}`}>
              {row.delta > 0 ? `+${row.delta}` : row.delta}
            </Text>
          </View>
        ))}
        {ledger.error && <Text className='qh-note pts-error'>{ledger.error.message}</Text>}
        {ledger.hasMore ? (
          <Button
            className='pts-more'
            fill='none'
            size='small'
            loading={ledger.loadingMore}
            onClick={() => void ledger.loadMore()}
          >
            加载更多
          </Button>
        ) : (
          <Text className='qh-note pts-end'>没有更多了</Text>
        )}
      </View>
    )

  return (
    <View className='qh-page'>
      <View className='qh-card pts-head'>
        <View className='pts-head__item'>
          <Text className='pts-head__value'>{summary.data ? summary.data.balance : '—'}</Text>
          <Text className='qh-muted'>积分余额</Text>
        </View>
        <View className='pts-head__item'>
          <Text className='pts-head__value'>{summary.data ? summary.data.totalEarned : '—'}</Text>
          <Text className='qh-muted'>累计获得</Text>
        </View>
      </View>
      {list}
    </View>
  )
}
