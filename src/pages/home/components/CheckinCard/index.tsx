import Taro from '@tarojs/taro'
import { Image, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { CHECKIN_NOTE_MAX_LENGTH, CHECKIN_PHOTOS_MAX } from '@core/checkin'
import { ErrorView } from '@/components/StateView'
import { useCheckinToday } from '@/hooks/useCheckin'
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow'
import type { CommunitySummary, MemberProfile } from '@/services/member'
import { toServiceError } from '@/services/service-error'
import { Button, Skeleton } from '@/ui/nutui'
import { PHOTOS_SUPPORTED, canShowPhoto, pickAndUploadPhotos } from '@/services/photos'
import Reminder from './Reminder'
import './index.scss'

const NOTE_STATUS_TEXT: Record<string, string> = {
  visible: '社群成员可以看到这篇日记',
  held: '日记正在审核，通过后大家才能看到',
  rejected: '日记未通过审核，只有你自己能看到',
}

/** The home page's check-in: today's button with an optional note and photos, and the streak. */
export default function CheckinCard({
  community,
  member,
}: {
  community: CommunitySummary
  member: MemberProfile
}) {
  const today = useCheckinToday(`${community.id}|${member.nickname}|${member.joinedAt}`)
  // A new day may have begun since the tab was last shown.
  useRefreshOnShow(today)
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [submitting, setSubmitting] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)

  const data = today.data
  if (!data && today.error) {
    return (
      <View className='qh-card checkin-card'>
        <Text className='qh-card__title'>今日打卡</Text>
        <ErrorView message={today.error.message} onRetry={() => void today.refresh()} />
      </View>
    )
  }
  if (!data) {
    return (
      <View className='qh-card checkin-card'>
        <Text className='qh-card__title'>今日打卡</Text>
        <Skeleton rows={3} animated />
      </View>
    )
  }

  async function submit() {
    if (submitting) return
    const trimmed = note.trim()
    if (trimmed.length > CHECKIN_NOTE_MAX_LENGTH) {
      setFormError(`打卡日记最多 ${CHECKIN_NOTE_MAX_LENGTH} 字`)
      return
    }
    setSubmitting(true)
    setFormError(null)
    try {
      const result = await today.checkIn({
        ...(trimmed ? { note: trimmed } : {}),
        ...(photos.length ? { photos } : {}),
      })
      setNote('')
      setPhotos([])
      const reward = result.completedChallenges.reduce((sum, c) => sum + c.reward, 0)
      void Taro.showToast({
        title: result.alreadyCheckedIn
          ? '今天已经打过卡了'
          : reward
            ? `打卡成功，完成挑战 +${result.points + reward} 积分`
            : result.points
              ? `打卡成功 +${result.points} 积分`
              : '打卡成功',
        icon: 'success',
      })
    } catch (err) {
      const e = toServiceError(err)
      setFormError(e.fields?.note ?? e.fields?.photos ?? e.message)
    } finally {
      setSubmitting(false)
    }
  }

  async function addPhotos() {
    try {
      const ids = await pickAndUploadPhotos(photos.length, CHECKIN_PHOTOS_MAX, 'checkins')
      setPhotos((prev) => [...prev, ...ids].slice(0, CHECKIN_PHOTOS_MAX))
    } catch {
      setFormError('照片上传失败，请稍后再试')
    }
  }

  const go = (url: string) => void Taro.navigateTo({ url })

  return (
    <View className='qh-card checkin-card'>
      <View className='checkin-card__head'>
        <Text className='qh-card__title'>今日打卡</Text>
        <Text className='checkin-card__link' onClick={() => go('/packages/checkin/calendar/index')}>
          打卡日历 ›
        </Text>
      </View>

      <View className='checkin-card__stats'>
        <View className='checkin-card__stat'>
          <Text className='checkin-card__stat-value checkin-card__streak'>{data.streak.current}</Text>
          <Text className='checkin-card__stat-label'>连续打卡(天)</Text>
        </View>
        <View className='checkin-card__stat'>
          <Text className='checkin-card__stat-value'>{data.streak.total}</Text>
          <Text className='checkin-card__stat-label'>累计(天)</Text>
        </View>
        <View className='checkin-card__stat'>
          <Text className='checkin-card__stat-value'>{data.streak.longest}</Text>
          <Text className='checkin-card__stat-label'>最长(天)</Text>
        </View>
      </View>

      {data.checkedIn && data.checkin ? (
        <View className='checkin-card__done'>
          <Text className='checkin-card__done-title'>
            {data.checkin.points ? `今天已打卡 · +${data.checkin.points} 积分` : '今天已打卡'}
          </Text>
          {data.checkin.note && <Text className='checkin-card__note'>{data.checkin.note}</Text>}
          {data.checkin.noteStatus !== 'none' && (
            <Text className='qh-note'>{NOTE_STATUS_TEXT[data.checkin.noteStatus]}</Text>
          )}
          <View className='checkin-card__after'>
            <Text className='checkin-card__link' onClick={() => go('/packages/checkin/poster/index')}>
              生成打卡海报 ›
            </Text>
            <Text
              className='checkin-card__link'
              onClick={() => go('/packages/checkin/calendar/index?day=today')}
            >
              修改日记 ›
            </Text>
          </View>
        </View>
      ) : (
        <View className='checkin-card__form'>
          <Textarea
            className='checkin-card__textarea'
            value={note}
            maxlength={CHECKIN_NOTE_MAX_LENGTH}
            placeholder='写写今天的收获（选填）'
            onInput={(e) => setNote(e.detail.value)}
          />
          <View className='checkin-card__photos'>
            {photos.map((src) =>
              canShowPhoto(src) ? (
                <Image key={src} className='checkin-card__photo' src={src} mode='aspectFill' />
              ) : null,
            )}
            {PHOTOS_SUPPORTED && photos.length < CHECKIN_PHOTOS_MAX && (
              <View className='checkin-card__photo checkin-card__photo--add' onClick={() => void addPhotos()}>
                <Text>＋照片</Text>
              </View>
            )}
          </View>
          {!PHOTOS_SUPPORTED && (
            <Text className='qh-note'>本地体验版不能上传照片，在小程序里打卡可以配最多 3 张图。</Text>
          )}
          {formError && <Text className='checkin-card__error'>{formError}</Text>}
          <Button
            className='checkin-card__submit'
            type='primary'
            block
            loading={submitting}
            disabled={submitting}
            onClick={() => void submit()}
          >
            {data.pointsPerCheckin ? `打卡 +${data.pointsPerCheckin} 积分` : '打卡'}
          </Button>
        </View>
      )}

      <View className='checkin-card__foot'>
        {data.missableDays.length > 0 ? (
          <Text className='checkin-card__link' onClick={() => go('/packages/checkin/calendar/index')}>
            {`最近漏打 ${data.missableDays.length} 天 · 补签卡 ${data.makeupCards} 张 ›`}
          </Text>
        ) : (
          <Text className='qh-muted'>{`补签卡 ${data.makeupCards} 张`}</Text>
        )}
        <Text className='checkin-card__link' onClick={() => go('/packages/checkin/challenges/index')}>
          打卡挑战 ›
        </Text>
      </View>
      <Reminder time={data.reminder ?? null} />
    </View>
  )
}
