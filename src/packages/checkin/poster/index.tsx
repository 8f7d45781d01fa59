import Taro from '@tarojs/taro'
import { Canvas, Image, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { PendingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { useMe } from '@/hooks/useMe'
import * as checkin from '@/services/checkin'
import { Button } from '@/ui/nutui'
import { POSTER_HEIGHT, POSTER_WIDTH, posterFileName, posterLayout } from './layout'
import { POSTER_CANVAS_ID, USES_PAGE_CANVAS, renderPoster, savePoster } from './render'
import './index.scss'

/** 打卡海报: today's check-in as an image to share, with the nickname, the streak and the day. */
export default function PosterPage() {
  const me = useMe()
  const today = useLoader(() => checkin.today(), [])
  const [image, setImage] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  const [saving, setSaving] = useState(false)
  const data = today.data
  const nickname = me.data?.member?.nickname
  const community = me.data?.community?.name
  const ready = !!data?.checkedIn && !!nickname && !!community

  useEffect(() => {
    if (!data || !ready) return
    const layout = posterLayout({
      nickname: nickname!,
      community: community!,
      streak: data.streak.current,
      total: data.streak.total,
      day: data.today,
    })
    // weapp draws on the page's canvas, which exists only once this render is on screen.
    Taro.nextTick(() => {
      renderPoster(layout)
        .then(setImage)
        .catch(() => setFailed(true))
    })
  }, [data, ready, nickname, community])

  if (!data)
    return (
      <View className='qh-page'>
        <PendingView loader={today} />
      </View>
    )
  if (!data.checkedIn)
    return (
      <View className='qh-page'>
        <View className='qh-card'>
          <Text className='qh-muted'>今天打卡之后，就能生成今天的打卡海报。</Text>
        </View>
      </View>
    )

  async function save() {
    if (!image) return
    setSaving(true)
    try {
      const title = await savePoster(image, posterFileName(data!.today))
      void Taro.showToast({ title, icon: 'none' })
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='qh-page poster-page'>
      <View className='poster-frame'>
        {USES_PAGE_CANVAS ? (
          <Canvas
            type='2d'
            id={POSTER_CANVAS_ID}
            className='poster-canvas'
            style={{ width: `${POSTER_WIDTH / 2}px`, height: `${POSTER_HEIGHT / 2}px` }}
          />
        ) : (
          image && <Image className='poster-canvas' src={image} mode='widthFix' />
        )}
      </View>
      {failed && <Text className='qh-note'>海报没有画出来，请返回后再试一次。</Text>}
      <Button type='primary' block loading={saving} disabled={!image || saving} onClick={() => void save()}>
        {process.env.TARO_ENV === 'weapp' ? '保存到相册' : '下载海报'}
      </Button>
      <Text className='qh-note poster-tip'>保存后可以发到朋友圈或群里，和大家分享今天的坚持。</Text>
    </View>
  )
}
