import Taro from '@tarojs/taro'
import { Image, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { CHECKIN_NOTE_MAX_LENGTH } from '@core/checkin'
import { PendingView } from '@/components/StateView'
import { checkinStore } from '@/hooks/useCheckin'
import { useLoader } from '@/hooks/useLoader'
import * as checkin from '@/services/checkin'
import type { DayResult } from '@/services/checkin'
import { toServiceError } from '@/services/service-error'
import { canShowPhoto } from '@/services/photos'
import { dayKeyText } from '@/ui/dates'
import { confirmModal } from '@/ui/modal'
import { Button } from '@/ui/nutui'

const STATUS_TEXT: Record<string, string> = {
  held: '日记正在审核，通过后大家才能看到',
  rejected: '日记未通过审核，只有你自己能看到',
}

/** Today's card on the home page shows the note too: keep it in step after an edit or delete. */
function patchToday(result: DayResult): void {
  const mine = result.checkin
  if (!mine || result.day !== result.today) return
  checkinStore.patch((data) => (data.today === result.day ? { ...data, checkin: mine } : data))
}

/** The calendar's day view: the member's own note and photos of a tapped day; today's may change. */
export default function DayNote({ day }: { day: string }) {
  const loaded = useLoader(() => checkin.day(day), [day])
  const [editing, setEditing] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const data = loaded.data
  if (!data) return <PendingView loader={loaded} />

  const mine = data.checkin
  if (!mine)
    return (
      <Text className='cal-note__empty'>
        {day === data.today ? '今天还没有打卡。' : `${dayKeyText(day)} 没有打卡。`}
      </Text>
    )

  async function save() {
    const note = (editing ?? '').trim()
    if (!note) {
      setError('日记不能为空，想清空请删除日记')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const result = await checkin.editNote(day, note)
      loaded.setData(result)
      patchToday(result)
      setEditing(null)
      void Taro.showToast({
        title: result.checkin?.noteStatus === 'held' ? '已保存，审核后可见' : '日记已更新',
        icon: 'success',
      })
    } catch (err) {
      const e = toServiceError(err)
      setError(e.fields?.note ?? e.message)
    } finally {
      setBusy(false)
    }
  }

  async function remove() {
    const { confirm } = await confirmModal({
      title: '删除这篇日记？',
      content: '日记和照片会删除，打卡记录、连续天数和获得的积分都会保留。',
      confirmText: '删除日记',
      cancelText: '保留',
    })
    if (!confirm) return
    setBusy(true)
    setError(null)
    try {
      const result = await checkin.deleteNote(day)
      loaded.setData(result)
      patchToday(result)
      void Taro.showToast({ title: '日记已删除，打卡和积分保留', icon: 'none' })
    } catch (err) {
      setError(toServiceError(err).message)
    } finally {
      setBusy(false)
    }
  }

  const photos = mine.photos.filter(canShowPhoto)
  const hasNote = mine.noteStatus !== 'none'
  return (
    <View className='cal-note'>
      <Text className='cal-note__title'>
        {`${dayKeyText(day)} 已打卡${mine.madeUp ? '（补签）' : ''}${mine.points ? ` · +${mine.points} 积分` : ''}`}
      </Text>
      {editing !== null ? (
        <View>
          <Textarea
            className='cal-note__textarea'
            value={editing}
            maxlength={CHECKIN_NOTE_MAX_LENGTH}
            placeholder='写写今天的收获'
            onInput={(e) => setEditing(e.detail.value)}
          />
          <View className='cal-confirm__actions'>
            <Button size='small' fill='outline' disabled={busy} onClick={() => setEditing(null)}>
              取消
            </Button>
            <Button size='small' type='primary' loading={busy} disabled={busy} onClick={() => void save()}>
              保存日记
            </Button>
          </View>
        </View>
      ) : (
        <View>
          {mine.note ? (
            <Text className='cal-note__text'>{mine.note}</Text>
          ) : (
            <Text className='qh-muted'>{hasNote ? '这天只配了照片。' : '这天打卡没有写日记。'}</Text>
          )}
          {photos.length > 0 && (
            <View className='cal-note__photos'>
              {photos.map((src) => (
                <Image key={src} className='cal-note__photo' src={src} mode='aspectFill' />
              ))}
            </View>
          )}
          {STATUS_TEXT[mine.noteStatus] && <Text className='qh-note'>{STATUS_TEXT[mine.noteStatus]}</Text>}
          {data.featured && <Text className='qh-note'>这篇日记已被设为精选，不能再修改或删除。</Text>}
          {data.editable && (
            <View className='cal-confirm__actions'>
              {hasNote && (
                <Button size='small' fill='outline' disabled={busy} onClick={() => void remove()}>
                  删除日记
                </Button>
              )}
              <Button
                size='small'
                type='primary'
                disabled={busy}
                onClick={() => {
                  setError(null)
                  setEditing(mine.note)
                }}
              >
                {mine.note ? '修改日记' : '补写日记'}
              </Button>
            </View>
          )}
          {data.editable && <Text className='qh-note'>当天可以修改或删除日记，过了今天就不能改了。</Text>}
        </View>
      )}
      {error && <Text className='cal-error'>{error}</Text>}
    </View>
  )
}
