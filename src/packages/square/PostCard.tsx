import { Image, Text, View } from '@tarojs/components'
import Pill from '@/components/Pill'
import { canShowPhoto } from '@/services/photos'
import type { PostView } from '@/services/square'
import { dateTimeText } from '@/ui/dates'
import { POST_FOLD_LENGTH } from '@core/square'

const STATUS_TEXT: Record<string, string> = {
  held: '审核中，仅你可见',
  hidden: '已被管理员隐藏',
  deleted: '已被管理员删除',
  rejected: '未通过审核，仅你可见',
}

/** One post: author, tags, text (folded past 300 characters unless `full`), photos, counts. */
export default function PostCard({
  post,
  full = false,
  onOpen,
  onLike,
}: {
  post: PostView
  full?: boolean
  onOpen?: () => void
  onLike?: () => void
}) {
  const chars = [...post.text]
  const text = !full && post.folded ? `${chars.slice(0, POST_FOLD_LENGTH).join('')}…` : post.text
  return (
    <View className='qh-card sq-post'>
      <View className='sq-post__head' onClick={onOpen}>
        <Text className='sq-post__who'>{post.nickname}</Text>
        <Text className='qh-muted'>{dateTimeText(post.createdAt)}</Text>
      </View>
      <View className='sq-post__tags'>
        {post.ad && <Pill>广告</Pill>}
        {post.pinned && <Pill>群公告</Pill>}
        {post.featured && <Pill>精选</Pill>}
        <Pill tone='soft'>{post.categoryName}</Pill>
        {post.themeTitle && <Pill tone='quiet'>{`#${post.themeTitle}`}</Pill>}
      </View>
      <Text className='sq-post__text' onClick={onOpen}>
        {text}
      </Text>
      {!full && post.folded && (
        <Text className='sq-post__more' onClick={onOpen}>
          展开全文
        </Text>
      )}
      {post.photos.some(canShowPhoto) && (
        <View className='sq-post__photos'>
          {post.photos.filter(canShowPhoto).map((src) => (
            <Image key={src} className='sq-post__photo' src={src} mode='aspectFill' />
          ))}
        </View>
      )}
      {post.status !== 'visible' && STATUS_TEXT[post.status] && (
        <Text className='qh-note sq-note--warn'>
          {post.moderation
            ? `${STATUS_TEXT[post.status]}：${post.moderation.reason}`
            : STATUS_TEXT[post.status]}
        </Text>
      )}
      {post.mine && post.points !== null && post.points > 0 && (
        <Text className='qh-note'>{`有效发言 +${post.points} 积分`}</Text>
      )}
      {post.mine && post.unpaidReason && <Text className='qh-note'>{post.unpaidReason}</Text>}
      <View className='sq-post__foot'>
        <Text
          className={post.likedByMe ? 'sq-post__liked' : ''}
          onClick={post.mine || !onLike ? undefined : onLike}
        >
          {`${post.likedByMe ? '已赞' : '点赞'} ${post.likes}`}
        </Text>
        <Text onClick={onOpen}>{`回复 ${post.replies}`}</Text>
      </View>
    </View>
  )
}
