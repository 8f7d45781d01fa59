import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CHALLENGE_TITLE_MAX_LENGTH, CONTINUED_PARTICIPATION_TARGET } from '@core/checkin'
import { isDayKey, shanghaiDayKey } from '@core/time'
import DateField from '@/components/DateField'
import Pill from '@/components/Pill'
import StaffGate from '@/components/StaffGate'
import { EmptyView, PendingView } from '@/components/StateView'
import { useChallengeAdmin } from '@/hooks/useCheckinChallenges'
import type { ChallengeStatsResult } from '@/services/checkin'
import { toServiceError } from '@/services/service-error'
import { Button, Input } from '@/ui/nutui'
import './index.scss'

type Errors = Partial<Record<'title' | 'days' | 'startDay' | 'reward' | 'form', string>>

const PHASE_NAMES = { upcoming: '未开始', running: '进行中', ended: '已结束' } as const

function Stats({ stats }: { stats: ChallengeStatsResult }) {
  const target = CONTINUED_PARTICIPATION_TARGET * 100
  return (
    <View className='admin-challenge__stats'>
      <View className='admin-challenge__stat'>
        <Text className='admin-challenge__value'>{`${stats.joinedRate}%`}</Text>
        <Text className='admin-challenge__label'>{`参与 ${stats.joined}/${stats.members} 人`}</Text>
      </View>
      <View className='admin-challenge__stat'>
        <Text className='admin-challenge__value'>{`${stats.completedRate}%`}</Text>
        <Text className='admin-challenge__label'>{`完成 ${stats.completed} 人`}</Text>
      </View>
      <View className='admin-challenge__stat'>
        <Text
          className={`admin-challenge__value ${stats.healthy ? 'admin-challenge__value--good' : 'admin-challenge__value--warn'}`}
        >
          {`${stats.continuedRate}%`}
        </Text>
        <Text className='admin-challenge__label'>{`持续参与 ${stats.continued} 人`}</Text>
      </View>
      <Text className='qh-note admin-challenge__hint'>
        {stats.healthy
          ? `持续参与率高于 ${target}%，挑战很健康。`
          : `持续参与率低于 ${target}%：近 3 天打卡的参与者偏少，可以在群里提醒或发起互动。`}
      </Text>
    </View>
  )
}

/** 打卡挑战管理: create a challenge and watch its participation. */
export default function ChallengeAdminPage() {
  const admin = useChallengeAdmin()
  const [title, setTitle] = useState('')
  const today = shanghaiDayKey(new Date())
  const [days, setDays] = useState('21')
  const [startDay, setStartDay] = useState(today)
  const [reward, setReward] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [saving, setSaving] = useState(false)

  async function create() {
    const found: Errors = {}
    const n = Number(days)
    if (!title.trim()) found.title = '请填写挑战名称'
    if (!Number.isInteger(n) || n < 1 || n > 365) found.days = '天数应为 1–365 的整数'
    if (!isDayKey(startDay)) found.startDay = '请选择开始日期'
    if (reward && !/^\d+$/.test(reward)) found.reward = '奖励应为不小于 0 的整数'
    setErrors(found)
    if (Object.keys(found).length) return
    setSaving(true)
    try {
      await admin.create({
        title: title.trim(),
        days: n,
        startDay,
        ...(reward ? { reward: Number(reward) } : {}),
      })
      // Published: an empty form, so a second tap cannot publish it twice.
      setTitle('')
      setDays('21')
      setStartDay(shanghaiDayKey(new Date()))
      setReward('')
      void Taro.showToast({ title: '挑战已发布', icon: 'success' })
    } catch (err) {
      const e = toServiceError(err)
      setErrors({ ...(e.fields ?? {}), form: e.fields ? undefined : e.message })
    } finally {
      setSaving(false)
    }
  }

  const items = admin.data?.items ?? []
  let list
  if (!admin.data) list = <PendingView loader={admin} />
  else if (!items.length)
    list = <EmptyView title='还没有挑战' description='发起一个挑战，让大家一起坚持打卡。' />
  else
    list = items.map((c) => (
      <View key={c.id} className='qh-card admin-challenge'>
        <View className='admin-challenge__head'>
          <Text className='admin-challenge__title'>{c.title}</Text>
          <Pill tone={c.phase === 'running' ? 'soft' : 'quiet'}>{PHASE_NAMES[c.phase]}</Pill>
        </View>
        <Text className='qh-muted'>{`${c.days} 天 · ${c.startDay} 至 ${c.endDay} · 奖励 ${c.reward} 积分`}</Text>
        {admin.stats[c.id] ? (
          <Stats stats={admin.stats[c.id]} />
        ) : (
          <Button
            className='admin-challenge__load'
            size='small'
            fill='outline'
            onClick={() => void admin.loadStats(c.id)}
          >
            查看参与情况
          </Button>
        )}
      </View>
    ))

  return (
    <View className='qh-page'>
      <StaffGate>
        {() => (
          <View>
            <View className='qh-card'>
              <Text className='qh-card__title'>发起打卡挑战</Text>
              <View className={`admin-field${errors.title ? ' admin-field--error' : ''}`}>
                <Input
                  placeholder='挑战名称，如「21 天阅读打卡」'
                  value={title}
                  maxLength={CHALLENGE_TITLE_MAX_LENGTH}
                  onChange={(v) => setTitle(v)}
                />
              </View>
              {errors.title && <Text className='admin-error'>{errors.title}</Text>}
              <View className='admin-row'>
                <View className='admin-row__cell'>
                  <Text className='admin-label'>天数</Text>
                  <View className={`admin-field${errors.days ? ' admin-field--error' : ''}`}>
                    <Input placeholder='21' type='number' value={days} onChange={(v) => setDays(v)} />
                  </View>
                  {errors.days && <Text className='admin-error'>{errors.days}</Text>}
                </View>
                <View className='admin-row__cell'>
                  <Text className='admin-label'>奖励积分</Text>
                  <View className={`admin-field${errors.reward ? ' admin-field--error' : ''}`}>
                    <Input
                      placeholder='默认按积分规则'
                      type='number'
                      value={reward}
                      onChange={(v) => setReward(v)}
                    />
                  </View>
                  {errors.reward && <Text className='admin-error'>{errors.reward}</Text>}
                </View>
              </View>
              <Text className='admin-label'>开始日期</Text>
              <DateField value={startDay} start={today} error={!!errors.startDay} onChange={setStartDay} />
              {errors.startDay && <Text className='admin-error'>{errors.startDay}</Text>}
              {errors.form && <Text className='admin-error'>{errors.form}</Text>}
              <Button
                className='admin-submit'
                type='primary'
                block
                loading={saving}
                disabled={saving}
                onClick={() => void create()}
              >
                发布挑战
              </Button>
              <Text className='qh-note'>
                成员加入后，从加入当天起在挑战期内打卡的天数计入进度，达到天数即自动发放奖励（每人一次）。
              </Text>
            </View>
            <Text className='qh-section-title'>全部挑战</Text>
            {admin.statsError && <Text className='admin-error'>{admin.statsError.message}</Text>}
            {list}
          </View>
        )}
      </StaffGate>
    </View>
  )
}
