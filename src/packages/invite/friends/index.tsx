import Taro, { useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { invitePath } from '@core/invite'
import LoadMore from '@/components/LoadMore'
import { ErrorView, LoadingView } from '@/components/StateView'
import { useInvite, useInvitees } from '@/hooks/useInvite'
import { IconShare } from '@/ui/icons'
import { Button } from '@/ui/nutui'
import './index.scss'
import { dayText } from '@/ui/dates'

/**
 * What to copy. H5: the full address of the join page. weapp has no web address for a page, so it
 * copies the code with where to enter it; the personal credit there travels with the share card.
 */
function copyText(communityName: string, code: string, ref: string): string {
  const path = invitePath(code, ref)
  if (process.env.TARO_ENV === 'h5') return `${location.origin}${location.pathname}#${path}`
  return `邀请你加入「${communityName}」：在微信里打开「群活」小程序，输入邀请码 ${code}`
}

/** 邀请好友: the community code, my personal link (copy or share) and who joined by it. */
export default function InviteFriendsPage() {
  const view = useInvite()
  const joined = useInvitees()
  const data = view.data

  useShareAppMessage(() => ({
    title: data ? `邀请你加入「${data.communityName}」` : '群活：让社群更有活力',
    path: data ? invitePath(data.code, data.ref) : '/pages/home/index',
  }))

  if (!data && view.loading) return <LoadingView />
  if (!data)
    return <ErrorView message={view.error?.message ?? '加载失败'} onRetry={() => void view.refresh()} />

  const link = copyText(data.communityName, data.code, data.ref)
  function copy() {
    void Taro.setClipboardData({ data: link }).then(
      () => Taro.showToast({ title: '邀请链接已复制', icon: 'success' }),
      () => Taro.showToast({ title: '复制失败，请长按链接手动复制', icon: 'none' }),
    )
  }

  return (
    <View className='qh-page'>
      <View className='qh-card invite-card'>
        <Text className='qh-card__title'>{`邀请好友加入「${data.communityName}」`}</Text>
        <Text className='qh-note'>好友通过你的链接或卡片加入后，会记在你的邀请里。</Text>
        <View className='invite-code'>
          <Text className='invite-code__label'>社群邀请码</Text>
          <Text className='invite-code__value' userSelect>
            {data.code}
          </Text>
        </View>
        <Text className='invite-link' userSelect>
          {link}
        </Text>
        <View className='invite-actions'>
          <Button type='primary' fill='outline' onClick={copy}>
            复制邀请链接
          </Button>
          {process.env.TARO_ENV === 'weapp' && (
            <Button type='primary' openType='share' icon={<IconShare size={14} />}>
              分享给好友
            </Button>
          )}
        </View>
      </View>

      <View className='qh-card'>
        <Text className='qh-card__title invite-count'>{`已邀请 ${data.invitedCount} 人加入`}</Text>
        {joined.error && !joined.data ? (
          <Text className='qh-note'>{joined.error.message}</Text>
        ) : joined.items.length === 0 ? (
          <Text className='qh-note'>
            {joined.loading ? '加载中…' : '还没有人通过你的邀请加入，分享给好友试试吧。'}
          </Text>
        ) : (
          joined.items.map((item, i) => (
            <View className='invite-row' key={`${item.joinedAt}-${i}`}>
              <Text className='invite-row__name'>{item.nickname}</Text>
              <Text className='qh-note'>{`${item.levelName} · ${dayText(item.joinedAt)}加入`}</Text>
            </View>
          ))
        )}
        <LoadMore pages={joined} />
      </View>
    </View>
  )
}
