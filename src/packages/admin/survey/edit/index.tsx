import { Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { SURVEY_MAX_QUESTIONS, questionProblems, type QuestionType, type SurveyQuestion } from '@core/survey'
import { shanghaiDateTimeText, shanghaiDayKey } from '@core/time'
import DateField from '@/components/DateField'
import StaffGate from '@/components/StaffGate'
import { EmptyView, PendingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { useSaving } from '@/hooks/useSaving'
import * as surveys from '@/services/survey'
import type { SurveyView } from '@/services/survey'
import { Button, Input } from '@/ui/nutui'
import QuestionEditor from './QuestionEditor'
import '../survey-admin.scss'
import { confirmModal } from '@/ui/modal'

const ENTRY_TYPES: readonly QuestionType[] = ['single', 'multiple']
const DEFAULT_DEADLINE_TIME = '20:00'

let seq = 0
const newQuestion = (): SurveyQuestion => ({
  id: `q${Date.now().toString(36).slice(-4)}${(seq++).toString(36)}`,
  type: 'single',
  title: '',
  required: true,
  options: ['', ''],
  minChoices: null,
  maxChoices: null,
})

/** 编辑问卷: the builder for a new or draft survey (and the entry questionnaire). */
export default function SurveyEditPage() {
  const id = decodeURIComponent(useRouter().params?.id ?? '')
  return (
    <View className='qh-page'>
      <StaffGate>{() => (id ? <Existing id={id} /> : <Builder initial={null} />)}</StaffGate>
    </View>
  )
}

function Existing({ id }: { id: string }) {
  const loaded = useLoader(() => surveys.detail(id), [id])
  if (!loaded.data) return <PendingView loader={loaded} />
  if (loaded.data.kind === 'survey' && loaded.data.status !== 'draft')
    return (
      <EmptyView title='问卷已发布，题目不能再修改' description='可以在结果页查看统计和导出。'>
        <Button
          onClick={() =>
            void Taro.redirectTo({ url: `/packages/admin/survey/results/index?id=${encodeURIComponent(id)}` })
          }
        >
          查看结果
        </Button>
      </EmptyView>
    )
  return <Builder initial={loaded.data} />
}

function Builder({ initial }: { initial: SurveyView | null }) {
  const entry = initial?.kind === 'entry'
  const [surveyId, setSurveyId] = useState(initial?.id)
  const [title, setTitle] = useState(initial?.title ?? '')
  const [intro, setIntro] = useState(initial?.intro ?? '')
  const [questions, setQuestions] = useState<SurveyQuestion[]>(initial?.questions ?? [newQuestion()])
  // The deadline as picked: a Shanghai day and a time of day ('' day: open until closed by hand).
  const initialDeadline = initial?.deadline
    ? shanghaiDateTimeText(new Date(initial.deadline)).split(' ')
    : null
  const [deadlineDay, setDeadlineDay] = useState(initialDeadline?.[0] ?? '')
  const [deadlineTime, setDeadlineTime] = useState(initialDeadline?.[1] ?? DEFAULT_DEADLINE_TIME)
  const [anonymous, setAnonymous] = useState(initial?.anonymous ?? false)
  const [reward, setReward] = useState(initial ? String(initial.reward) : '')
  const { saving, error, setError, run } = useSaving()

  function draft(): surveys.SurveyDraft | null {
    const problems = Object.values(questionProblems(questions, entry ? 'entry' : 'survey'))
    if (!title.trim()) return (setError('请填写问卷标题'), null)
    if (problems.length) return (setError(problems[0]!), null)
    const when = deadlineDay ? new Date(`${deadlineDay}T${deadlineTime}:00+08:00`).toISOString() : null
    const points = reward.trim() ? Number(reward) : null
    if (points !== null && (!Number.isInteger(points) || points < 0))
      return (setError('奖励积分需为不小于 0 的整数'), null)
    return { title, intro, questions, deadline: when, anonymous, reward: points }
  }

  async function save() {
    const d = draft()
    if (!d) return
    await run(async () => setSurveyId((await surveys.save(d, surveyId)).id), '已保存')
  }

  async function removeQuestion(i: number, id: string) {
    const { confirm } = await confirmModal({
      title: `删除第 ${i + 1} 题？`,
      content: '题目和它的选项会一起删除。',
      confirmText: '删除',
    })
    if (confirm) setQuestions((list) => list.filter((x) => x.id !== id))
  }

  async function publish() {
    const d = draft()
    if (!d) return
    const { confirm } = await confirmModal({
      title: '发布问卷',
      content: '发布后成员就能填写，题目不能再修改。确定发布吗？',
      confirmText: '确定发布',
    })
    if (!confirm) return
    let published: string | null = null
    await run(async () => {
      const saved = await surveys.save(d, surveyId)
      setSurveyId(saved.id)
      published = (await surveys.publish(saved.id)).id
    }, '已发布')
    if (published)
      void Taro.redirectTo({
        url: `/packages/admin/survey/results/index?id=${encodeURIComponent(published)}`,
      })
  }

  const move = (i: number, by: -1 | 1) => {
    const next = [...questions]
    ;[next[i], next[i + by]] = [next[i + by]!, next[i]!]
    setQuestions(next)
  }

  return (
    <View>
      <View className='qh-card'>
        {entry && (
          <Text className='qh-note'>
            入群问卷：新成员入群时填写，选项会成为成员的资料标签。修改题目后统计会重新开始。
          </Text>
        )}
        <View className='sa-field'>
          <Text className='sa-label'>问卷标题</Text>
          <Input className='sa-input' value={title} placeholder='如：十一月读书会反馈' onChange={setTitle} />
        </View>
        <View className='sa-field'>
          <Text className='sa-label'>说明（可空）</Text>
          <Input className='sa-input' value={intro} placeholder='告诉成员为什么填写' onChange={setIntro} />
        </View>
        {!entry && (
          <>
            <View className='sa-field'>
              <Text className='sa-label'>截止时间（可空，不选则一直开放到手动结束）</Text>
              <View className='sa-deadline'>
                <View className='sa-deadline__day'>
                  <DateField
                    value={deadlineDay}
                    start={shanghaiDayKey(new Date())}
                    placeholder='不设截止'
                    onChange={setDeadlineDay}
                  />
                </View>
                {deadlineDay && (
                  <Picker
                    mode='time'
                    value={deadlineTime}
                    onChange={(e) => setDeadlineTime(String(e.detail.value))}
                  >
                    <Text className='sa-deadline__time'>{deadlineTime}</Text>
                  </Picker>
                )}
                {deadlineDay && (
                  <Text className='sa-deadline__clear' onClick={() => setDeadlineDay('')}>
                    清除
                  </Text>
                )}
              </View>
            </View>
            <View className='sa-field'>
              <Text className='sa-label'>完成奖励积分（留空按社群「完成问卷」规则）</Text>
              <Input
                className='sa-input'
                type='number'
                value={reward}
                placeholder='默认 300'
                onChange={setReward}
              />
            </View>
            <View className='sa-chips'>
              <Text
                className={`sa-chip${!anonymous ? ' sa-chip--on' : ''}`}
                onClick={() => setAnonymous(false)}
              >
                实名
              </Text>
              <Text
                className={`sa-chip${anonymous ? ' sa-chip--on' : ''}`}
                onClick={() => setAnonymous(true)}
              >
                匿名（结果与导出不含身份）
              </Text>
            </View>
          </>
        )}
      </View>
      <View className='qh-card'>
        <Text className='qh-card__title'>{`题目（${questions.length}）`}</Text>
        {questions.map((q, i) => (
          <QuestionEditor
            key={q.id}
            index={i}
            count={questions.length}
            question={q}
            types={entry ? ENTRY_TYPES : undefined}
            onChange={(next) => setQuestions(questions.map((x, j) => (j === i ? next : x)))}
            onMove={(by) => move(i, by)}
            onRemove={() => void removeQuestion(i, q.id)}
          />
        ))}
        {questions.length < SURVEY_MAX_QUESTIONS && (
          <Button size='small' onClick={() => setQuestions([...questions, newQuestion()])}>
            添加题目
          </Button>
        )}
      </View>
      {error && <Text className='sv-error'>{error}</Text>}
      <View className='sa-actions'>
        <Button loading={saving} onClick={() => void save()}>
          {entry ? '保存' : '保存草稿'}
        </Button>
        {!entry && (
          <Button type='primary' disabled={saving} onClick={() => void publish()}>
            发布
          </Button>
        )}
        {surveyId && entry && (
          <Button
            onClick={() =>
              void Taro.navigateTo({
                url: `/packages/admin/survey/results/index?id=${encodeURIComponent(surveyId)}`,
              })
            }
          >
            查看结果
          </Button>
        )}
      </View>
    </View>
  )
}
