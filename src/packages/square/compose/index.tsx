import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, Textarea, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import {
  CONTENT_CATEGORIES,
  CONTENT_CATEGORY_NAMES,
  POST_FOLD_LENGTH,
  POST_MAX_LENGTH,
  POST_PHOTOS_MAX,
} from '@core/square'
import type { ContentCategory } from '@core/square'
import { useLoader } from '@/hooks/useLoader'
import { PHOTOS_SUPPORTED, canShowPhoto, pickAndUploadPhotos } from '@/services/photos'
import * as square from '@/services/square'
import { askSubscriptions } from '@/services/subscribe'
import { toServiceError } from '@/services/service-error'
import { Button, Switch } from '@/ui/nutui'
import Chips from '../Chips'
import '../square.scss'

const CATEGORY_HINT: Record<ContentCategory, string> = {
  practical: '干货：经验、方法、书单、资料',
  interaction: '互动：提问、投票、接龙、聊聊',
  life: '生活：日常、心情、随手拍',
}

/**
 * 发帖: text (past 300 characters the feed folds it), a category for the content mix, an optional
 * theme, and up to 3 photos on the mini-program (the local H5 build says it has none).
 */
export default function SquareComposePage() {
  const initialTheme = decodeURIComponent(useRouter().params?.themeId ?? '') || null
  const themes = useLoader(() => square.themes(), [])
  const [text, setText] = useState('')
  const [category, setCategory] = useState<ContentCategory | null>(null)
  const [themeId, setThemeId] = useState<string | null>(initialTheme)
  const [photos, setPhotos] = useState<string[]>([])
  const ads = useLoader(() => square.adStatus(), [])
  const [ad, setAd] = useState(false)
  const adsLeft = ads.data?.application?.postsLeft ?? 0
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // One id per post being written: a retry after a lost answer posts once.
  const requestId = useRef(square.newRequestId())

  async function submit() {
    if (!text.trim()) return setError('写点什么吧')
    if (!category) return setError('请选择内容分类')
    // Asked in the tap: if staff hide or delete the post, the author is told why by message too.
    void askSubscriptions(['contentNotice'])
    setBusy(true)
    setError(null)
    try {
      const r = await square.post(
        {
          text,
          category,
          ...(themeId ? { themeId } : {}),
          ...(photos.length ? { photos } : {}),
          ...(ad ? { ad: true } : {}),
        },
        requestId.current,
      )
      const toast = r.held
        ? '已提交，审核通过后展示'
        : r.points
          ? `发布成功，有效发言 +${r.points} 积分`
          : '发布成功'
      void Taro.showToast({ title: toast, icon: 'none' })
      void Taro.redirectTo({ url: square.postPath(r.post.id) })
    } catch (err) {
      const e = toServiceError(err)
      setError(e.fields?.text ?? e.fields?.category ?? e.fields?.themeId ?? e.fields?.photos ?? e.message)
    } finally {
      setBusy(false)
    }
  }

  async function addPhotos() {
    try {
      const ids = await pickAndUploadPhotos(photos.length, POST_PHOTOS_MAX, 'posts')
      setPhotos((prev) => [...prev, ...ids].slice(0, POST_PHOTOS_MAX))
    } catch {
      setError('照片上传失败，请稍后再试')
    }
  }

  const length = [...text].length
  return (
    <View className='qh-page'>
      <View className='qh-card'>
        <Textarea
          className='sq-textarea'
          value={text}
          maxlength={POST_MAX_LENGTH}
          placeholder='分享你的经验、问题或日常（建议 300 字以内）'
          onInput={(e) => setText(e.detail.value)}
        />
        <Text className='qh-muted'>
          {length > POST_FOLD_LENGTH
            ? `${length} 字：超过 ${POST_FOLD_LENGTH} 字的部分会折叠显示`
            : `${length}/${POST_FOLD_LENGTH}`}
        </Text>
        <View className='sq-post__photos'>
          {photos.filter(canShowPhoto).map((src) => (
            <Image key={src} className='sq-post__photo' src={src} mode='aspectFill' />
          ))}
          {PHOTOS_SUPPORTED && photos.length < POST_PHOTOS_MAX && (
            <View className='sq-post__photo sq-chip' onClick={() => void addPhotos()}>
              <Text>＋照片</Text>
            </View>
          )}
        </View>
        {!PHOTOS_SUPPORTED && (
          <Text className='qh-note'>本地体验版不能上传照片，在小程序里发帖可以配最多 3 张图。</Text>
        )}
      </View>
      <View className='qh-card'>
        <Text className='qh-section-title'>内容分类</Text>
        <Chips
          options={CONTENT_CATEGORIES.map((c) => ({ key: c, name: CONTENT_CATEGORY_NAMES[c] }))}
          value={category}
          onChange={setCategory}
        />
        {category && <Text className='qh-note'>{CATEGORY_HINT[category]}</Text>}
        <Text className='qh-section-title'>主题（选填）</Text>
        <Chips
          options={(themes.data?.themes ?? []).map((t) => ({ key: t.id, name: `#${t.title}` }))}
          value={themeId}
          onChange={(id) => setThemeId(id === themeId ? null : id)}
        />
      </View>
      {adsLeft > 0 && (
        <View className='qh-card sq-post__head'>
          <Text>{`发布为广告（本月还可发 ${adsLeft} 条，带「广告」标签，不计积分）`}</Text>
          <Switch checked={ad} onChange={(v) => setAd(!!v)} />
        </View>
      )}
      {error && <Text className='sq-error'>{error}</Text>}
      <Button type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
        发布
      </Button>
    </View>
  )
}
