import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { JOIN_REQUEST_STATE_NAMES } from '@core/onboarding'
import LoadMore from '@/components/LoadMore'
import Pill from '@/components/Pill'
import StaffGate from '@/components/StaffGate'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { useCursorPages } from '@/hooks/useCursorPages'
import * as community from '@/services/community'
import type { JoinRequestItem } from '@/services/community'
import { toServiceError } from '@/services/service-error'
import DecisionButtons from '../DecisionButtons'
import '../admin-onboarding.scss'
import { dateTimeText } from '@/ui/dates'
import { confirmModal } from '@/ui/modal'

type Tab = 'pending' | 'expired'

function Requests({ tab }: { tab: Tab }) {
  const [busy, setBusy] = useState<string | null>(null)
  const list = useCursorPages((cursor) => community.joinRequests({ state: tab, cursor }), [tab])

  async function decide(item: JoinRequestItem, approve: boolean) {
    if (!approve) {
      const { confirm } = await confirmModal({
        title: '拒绝入群申请？',
        content: `${item.nickname} 将看到申请未通过，之后可以重新申请。`,
        confirmText: '拒绝',
      })
      if (!confirm) return
    }
    setBusy(item.openid)
    try {
      await community.decideJoin(item.openid, approve)
      void Taro.showToast({ title: approve ? '已通过' : '已拒绝', icon: 'success' })
      await list.refresh()
    } catch (err) {
      void Taro.showToast({ title: toServiceError(err).message, icon: 'none' })
      await list.refresh()
    } finally {
      setBusy(null)
    }
  }

  if (!list.data && list.loading) return <LoadingView />
  if (!list.data && list.error)
    return <ErrorView message={list.error.message} onRetry={() => void list.refresh()} />
  const items = list.items
  if (items.length === 0)
    return (
      <EmptyView
        title={tab === 'pending' ? '没有待审核的申请' : '没有过期的申请'}
        description={tab === 'pending' ? '新的入群申请会出现在这里，3 天内未处理会自动过期。' : undefined}
      />
    )
  return (
    <View className='qh-card'>
      {items.map((item) => (
        <View className='ao-row' key={item.openid}>
          <View className='ao-row__head'>
            <Text className='ao-row__name'>{item.nickname}</Text>
            <Pill tone={item.state === 'pending' ? 'soft' : 'quiet'}>
              {JOIN_REQUEST_STATE_NAMES[item.state]}
            </Pill>
          </View>
          <Text className='ao-row__meta'>
            {item.state === 'pending'
              ? `申请于 ${dateTimeText(item.createdAt)} · ${dateTimeText(item.expiresAt)} 过期`
              : `申请于 ${dateTimeText(item.createdAt)} · 已于 ${dateTimeText(item.expiresAt)} 过期，对方可重新申请`}
          </Text>
          {item.tags.length > 0 && <Text className='ao-row__meta'>{`问卷：${item.tags.join('、')}`}</Text>}
          {item.state === 'pending' && (
            <DecisionButtons busy={busy === item.openid} onDecide={(approve) => void decide(item, approve)} />
          )}
        </View>
      ))}
      <LoadMore pages={list} />
    </View>
  )
}

/** 入群审核: pending requests to approve or reject; expired ones for reference. */
export default function JoinReviewsPage() {
  const [tab, setTab] = useState<Tab>('pending')
  return (
    <View className='qh-page'>
      <StaffGate>
        {() => (
          <View>
            <View className='ao-tabs'>
              {(['pending', 'expired'] as Tab[]).map((t) => (
                <Text key={t} className={`ao-tab${tab === t ? ' ao-tab--on' : ''}`} onClick={() => setTab(t)}>
                  {t === 'pending' ? '待审核' : '已过期'}
                </Text>
              ))}
            </View>
            <Requests key={tab} tab={tab} />
          </View>
        )}
      </StaffGate>
    </View>
  )
}
