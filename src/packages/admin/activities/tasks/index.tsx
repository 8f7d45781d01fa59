import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Pill from '@/components/Pill'
import StaffGate from '@/components/StaffGate'
import { EmptyView, PendingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { useSaving } from '@/hooks/useSaving'
import * as sop from '@/services/sop'
import type { TaskView } from '@/services/sop'
import { dateTimeText } from '@/ui/dates'
import { Button, Input } from '@/ui/nutui'
import '../sop.scss'

/** 今日任务: every activity's SOP steps due today or overdue; staff mark the manual ones. */
export default function SopTasksPage() {
  return (
    <View className='qh-page'>
      <StaffGate>{() => <Tasks />}</StaffGate>
    </View>
  )
}

function Tasks() {
  const loaded = useLoader(() => sop.tasks(), [])
  if (!loaded.data) return <PendingView loader={loaded} />
  const { tasks } = loaded.data
  if (!tasks.length)
    return (
      <EmptyView
        title='今天没有待办的活动任务'
        description='活动发布后，方案、预热、通知等步骤会按时出现在这里。'
      />
    )
  const overdue = tasks.filter((t) => t.status === 'overdue')
  const today = tasks.filter((t) => t.status !== 'overdue')
  const replace = (next: TaskView) =>
    loaded.setData({ tasks: tasks.map((t) => (t.id === next.id ? next : t)) })
  return (
    <View>
      {overdue.length > 0 && <Text className='qh-section-title'>{`已逾期（${overdue.length}）`}</Text>}
      {overdue.map((t) => (
        <TaskCard key={t.id} task={t} onChange={replace} />
      ))}
      {today.length > 0 && <Text className='qh-section-title'>{`今天（${today.length}）`}</Text>}
      {today.map((t) => (
        <TaskCard key={t.id} task={t} onChange={replace} />
      ))}
    </View>
  )
}

const STATE_TEXT = { done: '已完成', skipped: '已跳过', cancelled: '已取消', open: '' } as const

function TaskCard({ task, onChange }: { task: TaskView; onChange: (t: TaskView) => void }) {
  const [reach, setReach] = useState('')
  const saving = useSaving()
  const reachValue = reach.trim() === '' ? undefined : Number(reach)
  const reachInvalid =
    reachValue !== undefined && (!Number.isInteger(reachValue) || reachValue < 0 || reachValue > 100)
  const mark = (state: 'done' | 'skipped') =>
    saving.run(
      async () => onChange(await sop.mark(task.id, state, state === 'done' ? reachValue : undefined)),
      state === 'done' ? '已完成' : '已跳过',
    )
  const open = task.state === 'open'
  return (
    <View className={`qh-card sop-task sop-task--${task.status}`}>
      <View className='sop-task__head'>
        <Text className='sop-task__step'>{task.stepName}</Text>
        {task.auto && <Pill tone='quiet'>自动</Pill>}
        {task.mine && <Pill>我负责</Pill>}
      </View>
      <Text
        className='sop-task__activity'
        onClick={() =>
          void Taro.navigateTo({ url: `/packages/admin/activities/review/index?id=${task.activityId}` })
        }
      >
        {task.activityTitle}
      </Text>
      <Text className='qh-note'>{`${task.status === 'overdue' ? '应于' : '截止'} ${dateTimeText(task.dueAt)}`}</Text>
      {task.result && <Text className='qh-note'>{task.result}</Text>}
      {!open && <Text className='sop-task__closed'>{STATE_TEXT[task.state]}</Text>}
      {open && task.auto && <Text className='qh-muted'>到时间后由系统自动完成</Text>}
      {open && !task.auto && (
        <View className='sop-task__actions'>
          {task.asksReach && (
            <View className='sop-task__reach'>
              <Text>触达率</Text>
              <Input
                className='sop-task__reach-input'
                type='number'
                placeholder='选填'
                value={reach}
                onChange={(v) => setReach(v)}
              />
              <Text className='qh-muted'>%</Text>
            </View>
          )}
          {reachInvalid && <Text className='sop-task__error'>触达率请填 0–100 的整数</Text>}
          {saving.error && <Text className='sop-task__error'>{saving.error}</Text>}
          <View className='sop-task__buttons'>
            <Button size='small' fill='outline' disabled={saving.saving} onClick={() => void mark('skipped')}>
              跳过
            </Button>
            <Button
              size='small'
              type='primary'
              disabled={saving.saving || reachInvalid}
              onClick={() => void mark('done')}
            >
              完成
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
