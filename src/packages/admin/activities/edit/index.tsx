import { Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import {
  ACTIVITY_KINDS,
  ACTIVITY_KIND_NAMES,
  ACTIVITY_SIZES,
  ACTIVITY_SIZE_NAMES,
  type ActivityKind,
  type ActivitySize,
} from '@core/activities'
import { LEVEL_NAMES, type Level } from '@core/levels'
import { PLAY_ACTIVITY_TEMPLATES, type PlayActivityTemplate } from '@core/metrics'
import { SERIES_PRESETS, WEEKDAY_NAMES, type SeriesPreset, type SeriesRule } from '@core/recurrence'
import { addDays, shanghaiDateTimeText, shanghaiDayKey } from '@core/time'
import DateField from '@/components/DateField'
import ImageUpload from '@/components/ImageUpload'
import LinkCell from '@/components/LinkCell'
import StaffGate from '@/components/StaffGate'
import { PendingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { useSaving } from '@/hooks/useSaving'
import * as activities from '@/services/activities'
import type { ActivitiesOutputs, ActivityInput } from '@/services/activities'
import { confirmModal } from '@/ui/modal'
import { Button, Input } from '@/ui/nutui'
import '../activities-admin.scss'

type Loaded = ActivitiesOutputs['get']
type LevelChoice = 'default' | 'none' | Level

const toIso = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString()
const split = (iso: string) => shanghaiDateTimeText(new Date(iso)).split(' ') as [string, string]

/** 编辑活动: a one-off activity (new or existing) or, with mode=series, a new series. */
export default function ActivityEditPage() {
  const params = useRouter().params ?? {}
  const id = decodeURIComponent(params.id ?? '')
  return (
    <View className='qh-page'>
      <StaffGate>
        {() =>
          id ? (
            <Existing id={id} />
          ) : params.mode === 'series' ? (
            <SeriesForm />
          ) : (
            <OneOff initial={null} seed={templateOf(params.template)} />
          )
        }
      </StaffGate>
    </View>
  )
}

function Existing({ id }: { id: string }) {
  const loaded = useLoader(() => activities.get(id), [id])
  if (!loaded.data) return <PendingView loader={loaded} />
  return <OneOff initial={loaded.data} onChanged={() => void loaded.refresh()} />
}

function Chips<T extends string>({
  options,
  value,
  onChange,
}: {
  options: readonly { key: T; name: string }[]
  value: T
  onChange: (v: T) => void
}) {
  return (
    <View className='aa-chips'>
      {options.map((o) => (
        <Text
          key={o.key}
          className={`aa-chip${o.key === value ? ' aa-chip--on' : ''}`}
          onClick={() => onChange(o.key)}
        >
          {o.name}
        </Text>
      ))}
    </View>
  )
}

function When({
  label,
  day,
  time,
  onDay,
  onTime,
}: {
  label: string
  day: string
  time: string
  onDay: (d: string) => void
  onTime: (t: string) => void
}) {
  return (
    <View className='aa-field'>
      <Text className='aa-label'>{label}</Text>
      <View className='aa-when'>
        <View className='aa-when__day'>
          <DateField value={day} start={shanghaiDayKey(new Date())} onChange={onDay} />
        </View>
        <Picker mode='time' value={time} onChange={(e) => onTime(String(e.detail.value))}>
          <Text className='aa-when__time'>{time}</Text>
        </Picker>
      </View>
    </View>
  )
}

const KIND_OPTIONS = ACTIVITY_KINDS.map((k) => ({ key: k, name: ACTIVITY_KIND_NAMES[k] }))
const SIZE_OPTIONS = ACTIVITY_SIZES.map((s) => ({ key: s, name: ACTIVITY_SIZE_NAMES[s] }))
const LEVEL_OPTIONS: { key: LevelChoice; name: string }[] = [
  { key: 'default', name: '默认（线下仅核心）' },
  { key: 'none', name: '不限' },
  { key: 'advanced', name: `${LEVEL_NAMES.advanced}及以上` },
  { key: 'core', name: `仅${LEVEL_NAMES.core}` },
]
const levelOf = (c: LevelChoice): Level | null | undefined =>
  c === 'default' ? undefined : c === 'none' ? null : c

/** The fields one activity and a series' template share. */
function useBody(initial: Loaded | null, seed?: Pick<SeriesPreset, 'title' | 'kind' | 'size'>) {
  const [kind, setKind] = useState<ActivityKind>(initial?.kind ?? seed?.kind ?? 'lecture')
  const [size, setSize] = useState<ActivitySize>(initial?.size ?? seed?.size ?? 'small')
  const [title, setTitle] = useState(initial?.title ?? seed?.title ?? '')
  const [description, setDescription] = useState(initial?.description ?? '')
  const [cover, setCover] = useState<string | null>(initial?.coverFileId ?? null)
  const [place, setPlace] = useState(initial?.place ?? '')
  const [link, setLink] = useState(initial?.link ?? '')
  const [capacity, setCapacity] = useState(initial?.capacity ? String(initial.capacity) : '')
  const [level, setLevel] = useState<LevelChoice>(initial ? (initial.minLevel ?? 'none') : 'default')
  const [points, setPoints] = useState(String(initial?.points ?? 0))
  const body = {
    kind,
    size,
    title,
    description,
    coverFileId: cover,
    place: place || null,
    link: link || null,
    capacity: capacity ? Number(capacity) : null,
    minLevel: levelOf(level),
    points: Number(points) || 0,
  }
  const fields = (ceiling: number | null) => (
    <>
      <View className='aa-field'>
        <Text className='aa-label'>类型</Text>
        <Chips options={KIND_OPTIONS} value={kind} onChange={setKind} />
      </View>
      <View className='aa-field'>
        <Text className='aa-label'>规模（221 规划按它统计）</Text>
        <Chips options={SIZE_OPTIONS} value={size} onChange={setSize} />
      </View>
      <View className='aa-field'>
        <Text className='aa-label'>名称</Text>
        <Input value={title} placeholder='如：城南读书见面会' onChange={setTitle} />
      </View>
      <View className='aa-field'>
        <Text className='aa-label'>介绍</Text>
        <Textarea
          className='aa-textarea'
          value={description}
          placeholder='活动内容、需要准备什么'
          maxlength={2000}
          onInput={(e) => setDescription(e.detail.value)}
        />
      </View>
      <View className='aa-field'>
        <Text className='aa-label'>封面（可空）</Text>
        <ImageUpload value={cover} purpose='cover' onChange={setCover} />
      </View>
      <View className='aa-field'>
        <Text className='aa-label'>{kind === 'offline' ? '地点' : '地点（可空）'}</Text>
        <Input value={place} placeholder='线下活动的地点' onChange={setPlace} />
      </View>
      <View className='aa-field'>
        <Text className='aa-label'>链接（直播或线上活动，可空）</Text>
        <Input value={link} placeholder='https://' onChange={setLink} />
      </View>
      <View className='aa-field'>
        <Text className='aa-label'>人数上限（留空不限）</Text>
        <Input type='number' value={capacity} placeholder='不限' onChange={setCapacity} />
      </View>
      <View className='aa-field'>
        <Text className='aa-label'>报名等级</Text>
        <Chips options={LEVEL_OPTIONS} value={level} onChange={setLevel} />
      </View>
      <View className='aa-field'>
        <Text className='aa-label'>{`签到奖励积分${ceiling !== null ? `（最多 ${ceiling}）` : ''}`}</Text>
        <Input type='number' value={points} onChange={setPoints} />
      </View>
    </>
  )
  return { body, fields }
}

/** A dashboard play's activity (`?template=topicDay`), pre-filled. */
function templateOf(key: string | undefined) {
  return key && key in PLAY_ACTIVITY_TEMPLATES
    ? PLAY_ACTIVITY_TEMPLATES[key as PlayActivityTemplate]
    : undefined
}

function OneOff({
  initial,
  onChanged,
  seed,
}: {
  initial: Loaded | null
  onChanged?: () => void
  seed?: Pick<SeriesPreset, 'title' | 'kind' | 'size'>
}) {
  const { body, fields } = useBody(initial, seed)
  const tomorrow = addDays(shanghaiDayKey(new Date()), 1)
  const [start, end, deadline] = initial
    ? [split(initial.startAt), split(initial.endAt), split(initial.signupDeadline)]
    : [
        [tomorrow, '20:00'],
        [tomorrow, '21:00'],
        [tomorrow, '20:00'],
      ]
  const [startDay, setStartDay] = useState(start[0])
  const [startTime, setStartTime] = useState(start[1])
  const [endDay, setEndDay] = useState(end[0])
  const [endTime, setEndTime] = useState(end[1])
  const [deadlineDay, setDeadlineDay] = useState(deadline[0])
  const [deadlineTime, setDeadlineTime] = useState(deadline[1])
  const [activityId, setActivityId] = useState(initial?.id ?? null)
  const { saving, error, run } = useSaving()
  const stage = initial?.stage ?? 'draft'
  const editable = initial ? initial.canEdit : true

  const input = (): ActivityInput => ({
    ...body,
    startAt: toIso(startDay, startTime),
    endAt: toIso(endDay, endTime),
    signupDeadline: toIso(deadlineDay, deadlineTime),
  })

  async function save() {
    await run(async () => {
      const saved = await activities.save(input(), activityId)
      setActivityId(saved.id)
    }, '已保存')
  }

  async function publish() {
    const { confirm } = await confirmModal({
      title: '发布活动',
      content: '发布后成员就能在活动日历看到并报名，系统会按开始时间生成 SOP 任务。',
      confirmText: '发布',
    })
    if (!confirm) return
    const ok = await run(async () => {
      const saved = await activities.save(input(), activityId)
      setActivityId(saved.id)
      await activities.publish(saved.id)
    }, '已发布')
    if (ok) void Taro.redirectTo({ url: '/packages/admin/activities/index' })
  }

  async function cancel() {
    if (!initial) return
    const signed = initial.confirmedCount + initial.waitlistCount
    const { confirm } = await confirmModal({
      title: initial.seriesId ? '跳过这一次' : '取消活动',
      content: signed
        ? `已报名和候补的 ${signed} 人会收到取消通知，未完成的 SOP 任务一并取消，且不能恢复。`
        : '活动会显示为已取消，未完成的 SOP 任务一并取消，且不能恢复。',
      confirmText: '确定取消',
    })
    if (!confirm) return
    const ok = await run(
      () => activities.cancel(initial.id, initial.seriesId ? '本期暂停' : '主办方取消了活动'),
      '已取消',
    )
    if (ok) onChanged?.()
  }

  async function finish() {
    if (!initial) return
    const ok = await run(() => activities.finish(initial.id), '已结束')
    if (ok) onChanged?.()
  }

  const idParam = activityId ? encodeURIComponent(activityId) : ''
  return (
    <View>
      {initial && (
        <View className='qh-card'>
          <Text className='qh-card__title'>{`${initial.title} · ${initial.stageName}`}</Text>
          {initial.cancelReason && <Text className='qh-note'>{`取消原因：${initial.cancelReason}`}</Text>}
          {initial.tasks.map((t) => (
            <Text
              key={t.step}
              className='aa-week__counts'
            >{`${t.name} · ${shanghaiDateTimeText(new Date(t.dueAt))} · ${t.state === 'open' ? '待办' : t.state === 'done' ? '已完成' : t.state === 'skipped' ? '已跳过' : '已取消'}`}</Text>
          ))}
          {stage !== 'draft' && (
            <>
              <LinkCell
                title='报名与签到'
                extra='查看'
                url={`/packages/admin/activities/signups/index?id=${idParam}`}
              />
              <LinkCell
                title='活动复盘'
                extra='查看'
                url={`/packages/admin/activities/review/index?id=${idParam}`}
              />
            </>
          )}
        </View>
      )}
      {editable && (
        <View className='qh-card'>
          {fields(initial?.ceiling ?? null)}
          <When label='开始时间' day={startDay} time={startTime} onDay={setStartDay} onTime={setStartTime} />
          <When label='结束时间' day={endDay} time={endTime} onDay={setEndDay} onTime={setEndTime} />
          <When
            label='报名截止'
            day={deadlineDay}
            time={deadlineTime}
            onDay={setDeadlineDay}
            onTime={setDeadlineTime}
          />
        </View>
      )}
      {error && <Text className='aa-error'>{error}</Text>}
      <View className='aa-actions'>
        {editable && (
          <Button loading={saving} onClick={() => void save()}>
            {stage === 'draft' ? '保存草稿' : '保存修改'}
          </Button>
        )}
        {stage === 'draft' && (
          <Button type='primary' disabled={saving} onClick={() => void publish()}>
            发布
          </Button>
        )}
        {stage === 'published' && (
          <Button disabled={saving} onClick={() => void finish()}>
            结束活动
          </Button>
        )}
        {initial && editable && (
          <Button type='danger' fill='outline' disabled={saving} onClick={() => void cancel()}>
            {initial.seriesId ? '跳过这一次' : '取消活动'}
          </Button>
        )}
      </View>
    </View>
  )
}

const FREQ_OPTIONS = [
  { key: 'daily', name: '每天' },
  { key: 'weekly', name: '每周' },
  { key: 'monthly', name: '每月' },
] as const
type Freq = (typeof FREQ_OPTIONS)[number]['key']
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0]

/** A new series: pick a preset from the community rhythm (optional), then the rule and template. */
function SeriesForm() {
  const [preset, setPreset] = useState<SeriesPreset | null>(null)
  return (
    <View>
      <View className='qh-card'>
        <Text className='aa-label'>从社群节奏开始（可选）</Text>
        <Chips
          options={SERIES_PRESETS.map((p) => ({ key: p.key, name: p.title }))}
          value={preset?.key ?? ''}
          onChange={(key) => setPreset(SERIES_PRESETS.find((p) => p.key === key) ?? null)}
        />
      </View>
      <SeriesFields key={preset?.key ?? 'none'} preset={preset} />
    </View>
  )
}

function SeriesFields({ preset }: { preset: SeriesPreset | null }) {
  const { body, fields } = useBody(null, preset ?? undefined)
  const today = shanghaiDayKey(new Date())
  const rule0 = preset?.rule
  const [freq, setFreq] = useState<Freq>(rule0?.freq ?? 'weekly')
  const [weekdays, setWeekdays] = useState<number[]>(rule0?.freq === 'weekly' ? rule0.weekdays : [1])
  const [monthDay, setMonthDay] = useState<'last' | number>(
    rule0?.freq === 'monthly' ? rule0.monthDay : 'last',
  )
  const [clock, setClock] = useState(preset?.clock ?? '20:00')
  const [duration, setDuration] = useState(String(preset?.durationMin ?? 60))
  const [fromDay, setFromDay] = useState(addDays(today, 1))
  const [untilDay, setUntilDay] = useState(addDays(today, 28))
  const { saving, error, run } = useSaving()

  const rule: SeriesRule =
    freq === 'daily' ? { freq } : freq === 'weekly' ? { freq, weekdays } : { freq, monthDay }

  async function create() {
    const { confirm } = await confirmModal({
      title: '发布系列',
      content: '每一次都会生成一个已发布的活动和它的 SOP 任务，之后可以单独修改或跳过。',
      confirmText: '发布',
    })
    if (!confirm) return
    const ok = await run(
      () =>
        activities.saveSeries({
          ...body,
          rule,
          clock,
          durationMin: Number(duration) || 60,
          fromDay,
          untilDay,
          publish: true,
        }),
      '已发布',
    )
    if (ok) void Taro.redirectTo({ url: '/packages/admin/activities/index' })
  }

  return (
    <View>
      <View className='qh-card'>
        {fields(null)}
        <View className='aa-field'>
          <Text className='aa-label'>重复</Text>
          <Chips options={FREQ_OPTIONS} value={freq} onChange={setFreq} />
        </View>
        {freq === 'weekly' && (
          <View className='aa-chips'>
            {WEEK_ORDER.map((d) => (
              <Text
                key={d}
                className={`aa-chip${weekdays.includes(d) ? ' aa-chip--on' : ''}`}
                onClick={() =>
                  setWeekdays(weekdays.includes(d) ? weekdays.filter((x) => x !== d) : [...weekdays, d])
                }
              >
                {WEEKDAY_NAMES[d]}
              </Text>
            ))}
          </View>
        )}
        {freq === 'monthly' && (
          <Chips
            options={[
              { key: 'last', name: '每月最后一天' },
              ...[1, 10, 15, 20, 28].map((d) => ({ key: String(d), name: `每月 ${d} 日` })),
            ]}
            value={String(monthDay)}
            onChange={(v) => setMonthDay(v === 'last' ? 'last' : Number(v))}
          />
        )}
        <View className='aa-field'>
          <Text className='aa-label'>开始时刻</Text>
          <Picker mode='time' value={clock} onChange={(e) => setClock(String(e.detail.value))}>
            <Text className='aa-when__time'>{clock}</Text>
          </Picker>
        </View>
        <View className='aa-field'>
          <Text className='aa-label'>每次时长（分钟）</Text>
          <Input type='number' value={duration} onChange={setDuration} />
        </View>
        <View className='aa-field'>
          <Text className='aa-label'>从哪天开始</Text>
          <DateField value={fromDay} start={today} onChange={setFromDay} />
        </View>
        <View className='aa-field'>
          <Text className='aa-label'>到哪天为止（最多 92 天）</Text>
          <DateField value={untilDay} start={fromDay} onChange={setUntilDay} />
        </View>
      </View>
      {error && <Text className='aa-error'>{error}</Text>}
      <View className='aa-actions'>
        <Button type='primary' loading={saving} onClick={() => void create()}>
          发布系列
        </Button>
      </View>
    </View>
  )
}
