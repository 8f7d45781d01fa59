import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import {
  EVIDENCE_TEXT_MAX,
  LADDER_STEPS,
  REASON_MAX,
  STEP_NAMES,
  isLive,
  nextStep,
  type LadderStep,
  type SanctionSettings,
} from '@core/sanctions'
import ImageUpload from '@/components/ImageUpload'
import StaffGate from '@/components/StaffGate'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { useLoader, type Loaded } from '@/hooks/useLoader'
import { memberPage, searchMembers, type DirectoryMember } from '@/services/directory'
import * as sanctions from '@/services/sanctions'
import type { ViolationView } from '@/services/sanctions'
import { toServiceError } from '@/services/service-error'
import { dateText, dateTimeText } from '@/ui/dates'
import { Button, Input, Switch } from '@/ui/nutui'
import { STATE_NAMES, STEP_CONSEQUENCES, stepLabel } from '@/ui/sanctions'
import './index.scss'

/** 违规与申诉: record a violation on the ladder, decide appeals, finish removal tasks, the owner's settings. */
export default function SanctionsPage() {
  return (
    <View className='qh-page'>
      <StaffGate>{() => <SanctionsBody />}</StaffGate>
    </View>
  )
}

function SanctionsBody() {
  const queue = useLoader(() => sanctions.list(), [])
  const tasks = useLoader(() => sanctions.removalTasks(), [])
  const reload = () => {
    void queue.refresh()
    void tasks.refresh()
  }
  return (
    <View>
      <RecordCard allowSkip={queue.data?.allowSkip ?? false} onRecorded={reload} />
      <Text className='asan-heading'>待处理申诉</Text>
      {queue.loading && !queue.data ? (
        <LoadingView />
      ) : queue.error && !queue.data ? (
        <ErrorView message={queue.error.message} onRetry={() => void queue.refresh()} />
      ) : queue.data ? (
        <>
          {queue.data.appeals.length === 0 ? (
            <EmptyView title='没有待处理的申诉' description='成员对违规有异议时，会出现在这里。' />
          ) : (
            queue.data.appeals.map((v) => <AppealCard key={v.id} violation={v} onDecided={reload} />)
          )}
          <Text className='asan-heading'>最近的违规</Text>
          {queue.data.recent.length === 0 ? (
            <EmptyView title='还没有违规记录' description='社群一切安好。' />
          ) : (
            <View className='qh-card'>
              {queue.data.recent.map((v) => (
                <ViolationLine key={v.id} violation={v} />
              ))}
            </View>
          )}
        </>
      ) : null}
      <RemovalTasks loader={tasks} />
      <SettingsCard />
    </View>
  )
}

function ViolationLine({ violation: v }: { violation: ViolationView }) {
  return (
    <View className='asan-line'>
      <View className='asan-line__head'>
        <Text className='asan-line__who'>{v.nickname}</Text>
        <Text className={`asan-step asan-step--${v.step}`}>{stepLabel(v.step)}</Text>
      </View>
      <Text>{v.reason}</Text>
      {v.evidence.text && <Text className='qh-note'>证据：{v.evidence.text}</Text>}
      <Text className='qh-note'>
        {`${dateTimeText(v.createdAt)} · ${STATE_NAMES[v.state]}`}
        {v.state === 'live' ? ` · ${dateText(v.expiresAt)} 到期` : ''}
        {v.appeal?.decision === 'upheld' ? ' · 申诉已驳回' : ''}
      </Text>
    </View>
  )
}

/** Choose a member (any part of the nickname), say why, see the step and its consequence, confirm. */
function RecordCard({ allowSkip, onRecorded }: { allowSkip: boolean; onRecorded: () => void }) {
  const [query, setQuery] = useState('')
  const [searched, setSearched] = useState<string | null>(null)
  const [picked, setPicked] = useState<DirectoryMember | null>(null)
  const [done, setDone] = useState(0)
  return (
    <View className='qh-card'>
      <Text className='qh-card__title'>记录违规</Text>
      <View className='asan-field'>
        <Input
          className='asan-input asan-search'
          placeholder='输入昵称中的任意几个字'
          value={query}
          onChange={setQuery}
          onConfirm={() => setSearched(query.trim())}
        />
        <Button size='small' type='primary' onClick={() => setSearched(query.trim())}>
          搜索
        </Button>
      </View>
      {searched !== null && !picked && (
        <MemberResults key={`${searched}-${done}`} query={searched} onPick={setPicked} />
      )}
      {picked && (
        <RecordForm
          key={picked.memberId}
          member={picked}
          allowSkip={allowSkip}
          onCancel={() => setPicked(null)}
          onRecorded={() => {
            setPicked(null)
            setDone((n) => n + 1)
            onRecorded()
          }}
        />
      )}
    </View>
  )
}

function MemberResults({ query, onPick }: { query: string; onPick: (m: DirectoryMember) => void }) {
  const found = useLoader(() => searchMembers(query ? { query } : {}), [query])
  if (found.loading && !found.data) return <LoadingView text='正在查找…' />
  if (found.error && !found.data)
    return <ErrorView message={found.error.message} onRetry={() => void found.refresh()} />
  const members = found.data?.members ?? []
  if (!members.length) return <EmptyView title='没有找到成员' description='换几个字试试。' />
  return (
    <View>
      {members.map((m) => (
        <View key={m.memberId} className='asan-pick' onClick={() => onPick(m)}>
          <Text>
            {m.nickname} · {m.roleName}
          </Text>
          {m.statuses.length > 0 && (
            <Text className='qh-note'>{m.statuses.map((s) => s.name).join('、')}</Text>
          )}
        </View>
      ))}
    </View>
  )
}

function RecordForm({
  member,
  allowSkip,
  onCancel,
  onRecorded,
}: {
  member: DirectoryMember
  allowSkip: boolean
  onCancel: () => void
  onRecorded: () => void
}) {
  // The member's own record decides the next step (the server decides it again when recording).
  const page = useLoader(() => memberPage(member.memberId), [member.memberId])
  const [reason, setReason] = useState('')
  const [evidence, setEvidence] = useState('')
  const [imageFileId, setImageFileId] = useState<string | null>(null)
  const [chosen, setChosen] = useState<LadderStep | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')

  if (page.loading && !page.data) return <LoadingView text='正在读取这位成员的记录…' />
  if (page.error && !page.data)
    return <ErrorView message={page.error.message} onRetry={() => void page.refresh()} />
  const history = (page.data?.violations ?? []).map((v) => ({
    step: v.step as LadderStep,
    createdAt: v.createdAt,
    expiresAt: v.expiresAt ?? '9999-12-31T00:00:00.000Z',
    // Only an overturn takes a violation off the ladder.
    appeal:
      v.appeal?.decision === 'overturned'
        ? { text: v.appeal.text, at: v.createdAt, decision: 'overturned' as const }
        : null,
  }))
  const now = new Date()
  const live = history.filter((v) => isLive(v, now)).length
  const next = nextStep(history, now)
  const step = chosen ?? next
  const later = LADDER_STEPS.filter((s) => s >= next)

  const submit = async () => {
    setBusy(true)
    setError('')
    try {
      const res = await sanctions.record({
        memberId: member.memberId,
        reason: reason.trim(),
        evidenceText: evidence.trim() || undefined,
        imageFileId: imageFileId ?? undefined,
        step: step === next ? undefined : step,
      })
      void Taro.showToast({ title: `已记录：${res.violation.stepName}`, icon: 'none' })
      onRecorded()
    } catch (err) {
      const e = toServiceError(err)
      setError(e.fields ? Object.values(e.fields).join('；') : e.message)
      setConfirming(false)
      setBusy(false)
    }
  }

  return (
    <View className='asan-form'>
      <View className='asan-line__head'>
        <Text className='asan-line__who'>{member.nickname}</Text>
        <Button size='small' fill='none' onClick={onCancel}>
          换一位
        </Button>
      </View>
      <Text className='qh-note'>
        {live ? `有 ${live} 条违规仍在有效期内，` : '没有生效中的违规，'}
        这次将是「{stepLabel(step)}」
      </Text>
      {allowSkip && later.length > 1 && (
        <View className='asan-steps'>
          {later.map((s) => (
            <Button
              key={s}
              size='small'
              type={s === step ? 'primary' : 'default'}
              onClick={() => {
                setChosen(s)
                setConfirming(false)
              }}
            >
              {STEP_NAMES[s]}
            </Button>
          ))}
        </View>
      )}
      <View className='asan-field'>
        <Text className='asan-field__label'>原因</Text>
        <Input
          className='asan-input asan-reason'
          placeholder='必填，成员会看到'
          maxLength={REASON_MAX}
          value={reason}
          onChange={(v) => {
            setReason(v)
            setConfirming(false)
          }}
        />
      </View>
      <Textarea
        className='asan-evidence'
        placeholder='证据说明（选填，只有管理员能看到），如聊天时间、截图说明'
        value={evidence}
        maxlength={EVIDENCE_TEXT_MAX}
        onInput={(e) => setEvidence(e.detail.value)}
      />
      <ImageUpload value={imageFileId} onChange={setImageFileId} purpose='evidence' />
      {error && <Text className='asan-error'>{error}</Text>}
      {confirming ? (
        <View className='asan-confirm'>
          <Text>
            确认给 {member.nickname} 记录「{stepLabel(step)}」？{STEP_CONSEQUENCES[step]}
          </Text>
          <View className='asan-actions'>
            <Button size='small' fill='outline' onClick={() => setConfirming(false)}>
              取消
            </Button>
            <Button size='small' type='primary' loading={busy} onClick={() => void submit()}>
              确认记录
            </Button>
          </View>
        </View>
      ) : (
        <View className='asan-actions'>
          <Button
            size='small'
            type='primary'
            onClick={() => {
              if (!reason.trim()) return setError('请写明违规原因')
              setError('')
              setConfirming(true)
            }}
          >
            下一步
          </Button>
        </View>
      )}
    </View>
  )
}

function AppealCard({ violation: v, onDecided }: { violation: ViolationView; onDecided: () => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const decide = async (decision: 'upheld' | 'overturned') => {
    setBusy(true)
    setError('')
    try {
      await sanctions.decideAppeal(v.id, decision)
      void Taro.showToast({ title: decision === 'upheld' ? '已维持处罚' : '已撤销这条违规', icon: 'none' })
      onDecided()
    } catch (err) {
      setError(toServiceError(err).message)
      setBusy(false)
    }
  }
  return (
    <View className='qh-card asan-appeal'>
      <ViolationLine violation={v} />
      <Text className='asan-appeal__text'>申诉：{v.appeal?.text}</Text>
      {error && <Text className='asan-error'>{error}</Text>}
      <View className='asan-actions'>
        <Button size='small' fill='outline' disabled={busy} onClick={() => void decide('upheld')}>
          维持处罚
        </Button>
        <Button size='small' type='primary' disabled={busy} onClick={() => void decide('overturned')}>
          撤销违规
        </Button>
      </View>
    </View>
  )
}

function RemovalTasks({ loader }: { loader: Loaded<sanctions.SanctionsOutputs['removalTasks']> }) {
  const [error, setError] = useState('')
  if (loader.loading && !loader.data) return null
  if (loader.error && !loader.data)
    return <ErrorView message={loader.error.message} onRetry={() => void loader.refresh()} />
  const open = loader.data?.open ?? []
  const complete = async (taskId: string) => {
    setError('')
    try {
      await sanctions.completeRemovalTask(taskId)
      void Taro.showToast({ title: '已标记完成', icon: 'none' })
      await loader.refresh()
    } catch (err) {
      setError(toServiceError(err).message)
    }
  }
  return (
    <View>
      <Text className='asan-heading'>移出任务</Text>
      {open.length === 0 ? (
        <EmptyView title='没有待办的移出任务' />
      ) : (
        <View className='qh-card'>
          <Text className='qh-note'>小程序无法替你把人移出微信群，请到群里移出后再标记完成。</Text>
          {open.map((t) => (
            <View key={t.id} className='asan-line'>
              <View className='asan-line__head'>
                <Text className='asan-line__who'>{t.nickname}</Text>
                <Button size='small' type='primary' onClick={() => void complete(t.id)}>
                  已移出
                </Button>
              </View>
              <Text className='qh-note'>{`${t.reason} · ${dateTimeText(t.createdAt)}`}</Text>
            </View>
          ))}
          {error && <Text className='asan-error'>{error}</Text>}
        </View>
      )}
    </View>
  )
}

function SettingsCard() {
  const saved = useLoader(() => sanctions.settings(), [])
  if (saved.loading && !saved.data) return <LoadingView />
  if (saved.error && !saved.data)
    return <ErrorView message={saved.error.message} onRetry={() => void saved.refresh()} />
  if (!saved.data) return null
  return <SettingsForm key={JSON.stringify(saved.data)} initial={saved.data} onSaved={saved.setData} />
}

function SettingsForm({
  initial,
  onSaved,
}: {
  initial: SanctionSettings & { canEdit: boolean }
  onSaved: (s: SanctionSettings & { canEdit: boolean }) => void
}) {
  const [days, setDays] = useState(String(initial.expiryDays))
  const [allowSkip, setAllowSkip] = useState(initial.allowSkip)
  const [quiet, setQuiet] = useState(initial.quietHours)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const edit = initial.canEdit

  const save = async () => {
    setBusy(true)
    setError('')
    try {
      const next = await sanctions.saveSettings({ expiryDays: Number(days), allowSkip, quietHours: quiet })
      void Taro.showToast({ title: '已保存', icon: 'success' })
      onSaved(next)
    } catch (err) {
      const e = toServiceError(err)
      setError(e.fields ? Object.values(e.fields).join('；') : e.message)
      setBusy(false)
    }
  }

  return (
    <View>
      <Text className='asan-heading'>处罚规则</Text>
      <View className='qh-card'>
        {!edit && <Text className='qh-note'>只有主理人可以修改这些规则。</Text>}
        <View className='asan-field'>
          <Text className='asan-field__label'>有效期</Text>
          <Input
            className='asan-input asan-days'
            type='number'
            disabled={!edit}
            value={days}
            onChange={setDays}
          />
          <Text className='qh-note'>天后违规不再计入阶梯</Text>
        </View>
        <View className='asan-row'>
          <Text>允许跳级处理（严重情况直接禁言或移出）</Text>
          <Switch
            checked={allowSkip}
            disabled={!edit}
            ariaLabel='允许跳级处理'
            onChange={(on: boolean) => setAllowSkip(on)}
          />
        </View>
        <View className='asan-row'>
          <Text>夜间静默（期间成员不能发表文字）</Text>
          <Switch
            checked={quiet.enabled}
            disabled={!edit}
            ariaLabel='夜间静默'
            onChange={(on: boolean) => setQuiet({ ...quiet, enabled: on })}
          />
        </View>
        {quiet.enabled && (
          <View className='asan-field'>
            <Text className='asan-field__label'>时段</Text>
            <Input
              className='asan-input asan-quiet-start'
              disabled={!edit}
              placeholder='22:00'
              value={quiet.start}
              onChange={(v) => setQuiet({ ...quiet, start: v })}
            />
            <Text>至</Text>
            <Input
              className='asan-input asan-quiet-end'
              disabled={!edit}
              placeholder='08:00'
              value={quiet.end}
              onChange={(v) => setQuiet({ ...quiet, end: v })}
            />
          </View>
        )}
        {error && <Text className='asan-error'>{error}</Text>}
        {edit && (
          <Button type='primary' block loading={busy} onClick={() => void save()}>
            保存规则
          </Button>
        )}
      </View>
    </View>
  )
}
