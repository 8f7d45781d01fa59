import { Image, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { canShowPhoto } from '@/services/photos'
import { EmptyView, ErrorView } from '@/components/StateView'
import { checkinStore } from '@/hooks/useCheckin'
import { useCheckinFeed } from '@/hooks/useCheckinFeed'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import type { FeedItem } from '@/services/checkin'
import { Avatar, Button, Skeleton } from '@/ui/nutui'
import { IconStar, IconStarF } from '@/ui/icons'
import { dayKeyText, timeText } from '@/ui/dates'
import FeatureConfirm from './FeatureConfirm'
import './index.scss'
import { avatarText } from '@/ui/avatar'

/** The note's day, and the time it was written (a make-up's day differs from its writing). */
function when(item: FeedItem): string {
  return `${dayKeyText(item.day)} ${timeText(item.createdAt)}`
}

/**
 * Recent check-in notes of the community, with likes and the 精选 badge. Held notes never reach this
 * list. Owners and admins can feature a note (paying its author, after a confirmation).
 */
export default function CheckinFeed({ communityId }: { communityId: string }) {
  const feed = useCheckinFeed(communityId)
  useRefreshOnShow({ data: feed.items.length ? feed.items : null, refresh: feed.refresh })
  const [featuring, setFeaturing] = useState<string | null>(null)
  // After the member's own check-in, show the feed again: their note may be at the top now.
  const mine = useSyncExternalStore(
    checkinStore.subscribe,
    () => checkinStore.get().data?.checkin?.id ?? null,
  )
  const seen = useRef<string | null | undefined>(undefined)
  const { refresh } = feed
  useEffect(() => {
    if (seen.current === null && mine) void refresh()
    seen.current = mine
  }, [mine, refresh])

  let body
  if (!feed.items.length && feed.loading) body = <Skeleton rows={3} animated />
  else if (!feed.items.length && feed.error)
    body = <ErrorView message={feed.error.message} onRetry={() => void feed.refresh()} />
  else if (!feed.items.length)
    body = <EmptyView title='还没有人写打卡日记' description='打卡时写几句今天的收获，会出现在这里。' />
  else
    body = (
      <View>
        {feed.items.map((item) => (
          <View key={item.id} className='checkin-feed__item'>
            <View className='checkin-feed__who'>
              <Avatar size='32' background='#fff1e8' color='#c84a17'>
                {avatarText(item.nickname)}
              </Avatar>
              <Text className='checkin-feed__name'>
                {item.mine ? `${item.nickname}（我）` : item.nickname}
              </Text>
              {item.featured && <Text className='checkin-feed__badge'>精选</Text>}
              <Text className='checkin-feed__day'>{when(item)}</Text>
            </View>
            {item.note && <Text className='checkin-feed__note'>{item.note}</Text>}
            {item.photos.some(canShowPhoto) && (
              <View className='checkin-feed__photos'>
                {item.photos.filter(canShowPhoto).map((src) => (
                  <Image key={src} className='checkin-feed__photo' src={src} mode='aspectFill' />
                ))}
              </View>
            )}
            {item.mine ? (
              // One's own note cannot be liked (the server refuses it): show what others gave.
              item.likes > 0 && <Text className='checkin-feed__liked'>{`获赞 ${item.likes}`}</Text>
            ) : (
              <View
                className={`checkin-feed__like${item.likedByMe ? ' checkin-feed__like--on' : ''}`}
                onClick={() => void feed.toggleLike(item)}
              >
                {item.likedByMe ? <IconStarF size={16} /> : <IconStar size={16} />}
                <Text className='checkin-feed__like-count'>{item.likes ? `赞 ${item.likes}` : '赞'}</Text>
              </View>
            )}
            {feed.feature && !item.featured && !item.mine && featuring !== item.id && (
              <Text className='checkin-feed__feature' onClick={() => setFeaturing(item.id)}>
                设为精选
              </Text>
            )}
            {feed.feature && featuring === item.id && !item.featured && (
              <FeatureConfirm
                item={item}
                policy={feed.feature}
                onConfirm={(points) => feed.markFeatured(item, points).then(() => setFeaturing(null))}
                onCancel={() => setFeaturing(null)}
              />
            )}
          </View>
        ))}
        {feed.error && <Text className='checkin-feed__error'>{feed.error.message}</Text>}
        {feed.hasMore && (
          <Button
            className='checkin-feed__more'
            fill='none'
            size='small'
            block
            loading={feed.loading}
            onClick={() => void feed.loadMore()}
          >
            查看更多
          </Button>
        )}
      </View>
    )

  return (
    <View className='qh-card checkin-feed'>
      <Text className='qh-card__title'>打卡日记</Text>
      {body}
    </View>
  )
}
