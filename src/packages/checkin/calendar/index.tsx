import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { addMonths, monthOf } from '@core/time'
import { PendingView } from '@/components/StateView'
import { makeUpDay } from '@/hooks/useCheckin'
import { useLoader } from '@/hooks/useLoader'
import * as checkin from '@/services/checkin'
import type { CalendarDay } from '@/services/checkin'
import { toServiceError } from '@/services/service-error'
import { Button } from '@/ui/nutui'
import { dayKeyText } from '@/ui/dates'
import DayNote from './DayNote'
import './index.scss'

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

function monthTitle(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

function cellClass(d: CalendarDay, selected: boolean): string {
  const names = ['cal-day']
  if (d.checked) names.push(d.madeUp ? 'cal-day--madeup' : 'cal-day--checked')
  else if (d.missable) names.push('cal-day--missable')
  if (d.today) names.push('cal-day--today')
  if (d.future) names.push('cal-day--future')
  if (selected) names.push('cal-day--selected')
  return names.join(' ')
}

/**
 * 打卡日历: a month of check-ins. Tapping a day shows that day's note (today's may be edited or
 * deleted); a day missed in the last week offers a make-up card instead.
 */
export default function CalendarPage() {
  const [month, setMonth] = useState<string | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  // The first load asks for the current month as the server counts it (Asia/Shanghai).
  const calendar = useLoader(async () => {
    if (month) return checkin.calendar(month)
    const today = await checkin.today()
    return checkin.calendar(monthOf(today.today))
  }, [month])
  const data = calendar.data
  // Opened from today's card (`?day=today`): today's note is shown at once, ready to change.
  const opened = useRef(useRouter().params.day === 'today')
  useEffect(() => {
    if (!data || !opened.current) return
    opened.current = false
    setSelected(data.today)
  }, [data])

  if (!data)
    return (
      <View className='qh-page'>
        <PendingView loader={calendar} />
      </View>
    )

  const current = data.month
  const isLatest = current >= monthOf(data.today)
  const lead = data.days[0]?.weekday ?? 0
  const selectedDay = data.days.find((d) => d.day === selected) ?? null

  function go(n: number) {
    setSelected(null)
    setActionError(null)
    setMonth(addMonths(current, n))
  }

  async function makeUp(day: string) {
    setBusy(true)
    setActionError(null)
    try {
      const result = await makeUpDay(day)
      setSelected(null)
      await calendar.refresh()
      const reward = result.completedChallenges.reduce((sum, c) => sum + c.reward, 0)
      void Taro.showToast({
        title: reward ? `补签成功，完成挑战 +${reward} 积分` : '补签成功',
        icon: 'success',
      })
    } catch (err) {
      setActionError(toServiceError(err).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='qh-page'>
      <View className='qh-card'>
        <View className='cal-head'>
          <Text className='cal-head__nav' onClick={() => go(-1)}>
            ‹ 上月
          </Text>
          <Text className='cal-head__title'>{monthTitle(current)}</Text>
          <Text
            className={`cal-head__nav${isLatest ? ' cal-head__nav--off' : ''}`}
            onClick={() => !isLatest && go(1)}
          >
            下月 ›
          </Text>
        </View>
        <View className='cal-grid'>
          {WEEKDAYS.map((w) => (
            <Text key={w} className='cal-weekday'>
              {w}
            </Text>
          ))}
          {Array.from({ length: lead }, (_, i) => (
            <View key={`lead-${i}`} className='cal-day cal-day--blank' />
          ))}
          {data.days.map((d) => (
            <View
              key={d.day}
              className={cellClass(d, selected === d.day)}
              onClick={() => {
                setActionError(null)
                setSelected(d.future ? null : d.day)
              }}
            >
              <Text className='cal-day__date'>{d.date}</Text>
              {d.madeUp && <Text className='cal-day__tag'>补</Text>}
            </View>
          ))}
        </View>
        <View className='cal-legend'>
          <Text className='cal-legend__item cal-legend__item--checked'>已打卡</Text>
          <Text className='cal-legend__item cal-legend__item--madeup'>补签</Text>
          <Text className='cal-legend__item cal-legend__item--missable'>可补签</Text>
        </View>
        <Text className='qh-muted'>
          {`本月打卡 ${data.checkedCount} 天${data.madeUpCount ? `（含补签 ${data.madeUpCount} 天）` : ''}`}
        </Text>
      </View>

      {selectedDay && !selectedDay.missable && (
        <View className='qh-card cal-confirm'>
          <DayNote key={selectedDay.day} day={selectedDay.day} />
        </View>
      )}

      {selected && selectedDay?.missable && (
        <View className='qh-card cal-confirm'>
          {data.makeupCards > 0 ? (
            <View>
              <Text className='cal-confirm__text'>{`用 1 张补签卡补上 ${dayKeyText(selected)} 的打卡？`}</Text>
              <Text className='qh-note'>{`你还有 ${data.makeupCards} 张补签卡。补签能接上连续打卡，不加打卡积分。`}</Text>
              <View className='cal-confirm__actions'>
                <Button size='small' fill='outline' onClick={() => setSelected(null)}>
                  取消
                </Button>
                <Button
                  size='small'
                  type='primary'
                  loading={busy}
                  disabled={busy}
                  onClick={() => void makeUp(selected)}
                >
                  确认补签
                </Button>
              </View>
            </View>
          ) : (
            <Text className='cal-confirm__text'>
              {`${dayKeyText(selected)} 漏打了。补签卡不足，可以在积分商城兑换或向管理员申请。`}
            </Text>
          )}
          {actionError && <Text className='cal-error'>{actionError}</Text>}
        </View>
      )}

      <View className='qh-card cal-stats'>
        <View className='cal-stat'>
          <Text className='cal-stat__value'>{data.streak.current}</Text>
          <Text className='cal-stat__label'>连续打卡</Text>
        </View>
        <View className='cal-stat'>
          <Text className='cal-stat__value'>{data.streak.longest}</Text>
          <Text className='cal-stat__label'>最长连续</Text>
        </View>
        <View className='cal-stat'>
          <Text className='cal-stat__value'>{data.streak.total}</Text>
          <Text className='cal-stat__label'>累计天数</Text>
        </View>
        <View className='cal-stat'>
          <Text className='cal-stat__value'>{data.makeupCards}</Text>
          <Text className='cal-stat__label'>补签卡</Text>
        </View>
      </View>
      <Text className='qh-note cal-tip'>补签卡可以补上最近 7 天内漏掉的打卡（加入社群之前的日子除外）。</Text>
    </View>
  )
}
