import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import LoadMore from '@/components/LoadMore'
import { EmptyView, PendingView } from '@/components/StateView'
import { useCursorPages } from '@/hooks/useCursorPages'
import { useLoader } from '@/hooks/useLoader'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import * as square from '@/services/square'
import type { FeedQuery, PostView } from '@/services/square'
import { toServiceError } from '@/services/service-error'
import { Button } from '@/ui/nutui'
import Chips from '../Chips'
import PostCard from '../PostCard'
import '../square.scss'

type FeedTab = 'newest' | 'hot' | 'featured' | 'mine'
const VIEWS: { key: FeedTab; name: string }[] = [
  { key: 'newest', name: '最新' },
  { key: 'hot', name: '最热' },
  { key: 'featured', name: '精选' },
  { key: 'mine', name: '我的帖子' },
]

function queryOf(view: FeedTab, themeId: string | null): FeedQuery {
  if (themeId) return { themeId }
  if (view === 'hot') return { order: 'hot' }
  if (view === 'featured') return { scope: 'featured' }
  if (view === 'mine') return { scope: 'mine' }
  return {}
}

const EMPTY_TEXT: Record<FeedTab, string> = {
  newest: '广场还没有帖子，来发第一条吧',
  hot: '还没有热门帖子',
  featured: '还没有精选帖子：优质内容会被管理员设为精选',
  mine: '你还没有发过帖子',
}

/**
 * 社群广场: newest and hot posts, 精选, the caller's own posts, one theme's posts; pinned 群公告 on
 * top; a post opens its detail; 发帖 opens the composer.
 */
export default function SquareFeedPage() {
  const [view, setView] = useState<FeedTab>('newest')
  const [themeId, setThemeId] = useState<string | null>(null)
  const themes = useLoader(() => square.themes(), [])
  const query = queryOf(view, themeId)
  const pages = useCursorPages((cursor) => square.feed(query, cursor), [view, themeId])
  const [error, setError] = useState<string | null>(null)
  const [likes, setLikes] = useState<Record<string, Pick<PostView, 'likes' | 'likedByMe'>>>({})
  useRefreshOnShow(pages)

  async function toggleLike(post: PostView) {
    setError(null)
    const current = likes[post.id] ?? post
    try {
      const r = current.likedByMe ? await square.unlike(post.id) : await square.like(post.id)
      setLikes((all) => ({ ...all, [post.id]: { likes: r.likes, likedByMe: r.liked } }))
    } catch (err) {
      setError(toServiceError(err).message)
    }
  }

  const open = (id: string) => void Taro.navigateTo({ url: square.postPath(id) })
  const themeOptions = (themes.data?.themes ?? []).map((t) => ({
    key: t.id,
    name: t.today ? `#${t.title}（今天）` : `#${t.title}`,
  }))

  return (
    <View className='qh-page'>
      <Chips
        options={VIEWS}
        value={themeId ? null : view}
        onChange={(v) => {
          setThemeId(null)
          setView(v)
        }}
      />
      {themeOptions.length > 0 && (
        <Chips
          options={themeOptions}
          value={themeId}
          onChange={(id) => setThemeId(id === themeId ? null : id)}
        />
      )}
      <Button
        className='sq-compose-fab'
        type='primary'
        block
        onClick={() =>
          void Taro.navigateTo({
            url: `/packages/square/compose/index${themeId ? `?themeId=${encodeURIComponent(themeId)}` : ''}`,
          })
        }
      >
        发帖
      </Button>
      {error && <Text className='sq-error'>{error}</Text>}
      {pages.data ? (
        <View>
          {pages.data.pinned.map((p) => (
            <View key={p.id} className='sq-pinned' onClick={() => open(p.id)}>
              <Text className='sq-pinned__label'>{`群公告 · ${p.nickname}`}</Text>
              <Text>{p.excerpt}</Text>
            </View>
          ))}
          {pages.items.length === 0 ? (
            <EmptyView
              title={themeId ? '这个主题下还没有帖子' : EMPTY_TEXT[view]}
              description='有效发言（用心写的原创内容）每条可得积分'
            />
          ) : (
            pages.items.map((post) => (
              <PostCard
                key={post.id}
                post={{ ...post, ...(likes[post.id] ?? {}) }}
                onOpen={() => open(post.id)}
                onLike={() => void toggleLike(post)}
              />
            ))
          )}
          <LoadMore pages={pages} />
          <Text
            className='qh-muted'
            onClick={() => void Taro.navigateTo({ url: '/packages/square/ads/index' })}
          >
            想在广场发布广告？提交三证申请 ›
          </Text>
        </View>
      ) : (
        <PendingView loader={pages} />
      )}
    </View>
  )
}
