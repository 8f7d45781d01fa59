import Taro, { useRouter } from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import Pill from '@/components/Pill'
import { MemberScore } from '@/components/ScoreExplanation'
import StaffGate from '@/components/StaffGate'
import { ErrorView, LoadingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { memberPage, saveNote, type MemberPage } from '@/services/directory'
import { toServiceError } from '@/services/service-error'
import { dateText, dateTimeText, dayKeyDateText } from '@/ui/dates'
import { Button } from '@/ui/nutui'
import '../index.scss'

type Section = 'profile' | 'points' | 'score' | 'violations' | 'notes'

const SECTIONS: [Section, string][] = [
  ['profile', '档案'],
  ['points', '积分与订单'],
  ['score', '活跃度'],
  ['violations', '违规'],
  ['notes', '备注'],
]

/** 成员档案 for staff: profile and tags, points, orders and check-ins, score, violations, private notes. */
export default function MemberProfilePage() {
  const id = decodeURIComponent(useRouter().params?.id ?? '')
  return (
    <View className='qh-page'>
      <StaffGate>{() => <MemberBody memberId={id} />}</StaffGate>
    </View>
  )
}

function MemberBody({ memberId }: { memberId: string }) {
  const page = useLoader(() => memberPage(memberId), [memberId])
  const [section, setSection] = useState<Section>('profile')
  if (!page.data && page.loading) return <LoadingView />
  if (!page.data)
    return <ErrorView message={page.error?.message ?? '加载失败'} onRetry={() => void page.refresh()} />
  const view = page.data
  return (
    <View>
      <Text className='qh-section-title'>{view.profile.nickname}</Text>
      <View className='mem-chips'>
        {SECTIONS.map(([key, name]) => (
          <Text
            key={key}
            className={`mem-chip${section === key ? ' mem-chip--on' : ''}`}
            onClick={() => setSection(key)}
          >
            {name}
          </Text>
        ))}
      </View>
      {section === 'profile' && <Profile view={view} />}
      {section === 'points' && <Points view={view} />}
      {section === 'score' && <MemberScore view={view.score} />}
      {section === 'violations' && <Violations view={view} />}
      {section === 'notes' && (
        <Notes
          memberId={memberId}
          view={view}
          onSaved={(note) =>
            page.setData((d) => (d ? { ...d, notes: { ...d.notes, notes: [note, ...d.notes.notes] } } : d))
          }
        />
      )}
    </View>
  )
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className='mem-line'>
      <Text className='qh-note'>{label}</Text>
      <Text>{value}</Text>
    </View>
  )
}

function Profile({ view }: { view: MemberPage }) {
  const p = view.profile
  return (
    <View className='qh-card mem-section'>
      <View className='mem-row__side'>
        <Pill>{p.roleName}</Pill>
        <Pill>{p.levelName}</Pill>
        {p.tierName && <Pill>{p.tierName}</Pill>}
        {p.statuses.map((s) => (
          <Pill key={s.key} tone='quiet'>
            {s.name}
          </Pill>
        ))}
      </View>
      {p.staffTitle && <Line label='头衔' value={p.staffTitle} />}
      <Line label='标签' value={p.tags.length ? p.tags.join('、') : '未填写入群问卷'} />
      <Line label='可用积分' value={String(p.balance)} />
      <Line label='累计积分' value={String(p.totalEarned)} />
      <Line label='加入时间' value={dateText(p.joinedAt)} />
      <Line label='最近活跃' value={p.lastActiveAt ? dateTimeText(p.lastActiveAt) : '还没有活动'} />
      {p.mutedUntil && <Line label='禁言至' value={dateTimeText(p.mutedUntil)} />}
      {p.endedAt && <Line label='离开时间' value={dateTimeText(p.endedAt)} />}
      <Text className='qh-card__title'>最近打卡</Text>
      {view.checkins.length === 0 && <Text className='qh-note'>还没有打卡</Text>}
      {view.checkins.map((c) => (
        <Line key={c.dayKey} label={dayKeyDateText(c.dayKey)} value={c.note || `打卡 +${c.points}`} />
      ))}
    </View>
  )
}

function Points({ view }: { view: MemberPage }) {
  return (
    <View className='qh-card mem-section'>
      <Text className='qh-card__title'>积分流水</Text>
      {view.ledger.length === 0 && <Text className='qh-note'>还没有积分记录</Text>}
      {view.ledger.map((r) => (
        <Line
          key={r.id}
          label={`${dateText(r.createdAt)} ${r.reason}`}
          value={`${r.delta > 0 ? '+' : ''}${r.delta}`}
        />
      ))}
      <Text className='qh-card__title'>兑换订单</Text>
      {view.orders.length === 0 && <Text className='qh-note'>还没有兑换</Text>}
      {view.orders.map((o) => (
        <Line
          key={o.id}
          label={`${dateText(o.createdAt)} ${o.itemName}`}
          value={`${o.price} 分 · ${o.status}`}
        />
      ))}
    </View>
  )
}

function Violations({ view }: { view: MemberPage }) {
  if (!view.violations.length)
    return (
      <View className='qh-card mem-section'>
        <Text className='qh-note'>没有违规记录</Text>
      </View>
    )
  return (
    <View className='qh-card mem-section'>
      {view.violations.map((v) => (
        <View key={v.id} className='mem-line'>
          <Text>{`第 ${v.step} 级 · ${v.reason}`}</Text>
          <Text className='qh-note'>
            {dateText(v.createdAt)}
            {v.appeal ? ` · 已申诉${v.appeal.decision ? `（${v.appeal.decision}）` : ''}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}

function Notes({
  memberId,
  view,
  onSaved,
}: {
  memberId: string
  view: MemberPage
  onSaved: (note: MemberPage['notes']['notes'][number]) => void
}) {
  const [text, setText] = useState('')
  const [saving, setSaving] = useState(false)
  const save = async () => {
    if (!text.trim()) return
    setSaving(true)
    try {
      onSaved(await saveNote(memberId, text.trim()))
      setText('')
      void Taro.showToast({ title: '备注已保存', icon: 'none' })
    } catch (err) {
      void Taro.showToast({ title: toServiceError(err).message, icon: 'none' })
    } finally {
      setSaving(false)
    }
  }
  return (
    <View className='qh-card mem-section'>
      <Text className='qh-note'>备注只有管理员和主理人能看到，成员本人看不到。</Text>
      <Textarea
        className='mem-note-input'
        placeholder='记下这位成员的情况'
        value={text}
        maxlength={500}
        onInput={(e) => setText(e.detail.value)}
      />
      <Button type='primary' block loading={saving} disabled={!text.trim()} onClick={() => void save()}>
        保存备注
      </Button>
      {view.notes.notes.map((n) => (
        <View key={n.id} className='mem-line'>
          <Text>{n.text}</Text>
          <Text className='qh-note'>{`${n.byNickname} · ${dateText(n.createdAt)}`}</Text>
        </View>
      ))}
    </View>
  )
}
