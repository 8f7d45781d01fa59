import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  JOIN_POLICIES,
  JOIN_POLICY_NAMES,
  QUESTIONNAIRE_MAX_QUESTIONS,
  QUIZ_MAX_OPTIONS,
  QUIZ_MAX_QUESTIONS,
  type JoinPolicy,
  type QuestionnaireQuestion,
  type QuizQuestion,
} from '@core/onboarding'
import { useSaving } from '@/hooks/useSaving'
import { useUnsaved } from '@/hooks/useUnsaved'
import * as community from '@/services/community'
import type { OnboardingSettings } from '@/services/community'
import { Button, Input } from '@/ui/nutui'
import SettingsGate from '../SettingsGate'
import '../admin-onboarding.scss'

const POLICY_HINTS: Record<JoinPolicy, string> = {
  open: '输入邀请码或点群卡片即可加入。',
  review: '提交申请后由管理员审核，3 天内未处理自动过期。',
  quiz: '答对设定比例的题目才能加入，没通过需等待冷却时间再试。',
}

const newId = (prefix: string) => `${prefix}${Date.now().toString(36).slice(-5)}`

/** Editable question: text, options, and either the right answer (quiz) or multiple choice (questionnaire). */
function QuestionEditor<Q extends { text: string; options: string[] }>({
  index,
  question,
  onChange,
  onRemove,
  renderExtra,
}: {
  index: number
  question: Q
  onChange: (next: Q) => void
  onRemove: () => void
  renderExtra: (optionIndex: number) => JSX.Element | null
}) {
  return (
    <View className='ao-section'>
      <Text className='ao-label'>{`第 ${index + 1} 题`}</Text>
      <Input
        className='ao-input'
        value={question.text}
        placeholder='题目'
        onChange={(value) => onChange({ ...question, text: value })}
      />
      {question.options.map((option, i) => (
        <View className='ao-option' key={i}>
          <Input
            className='ao-input'
            value={option}
            placeholder={`选项 ${i + 1}`}
            onChange={(value) =>
              onChange({ ...question, options: question.options.map((o, j) => (j === i ? value : o)) })
            }
          />
          {renderExtra(i)}
        </View>
      ))}
      <View className='ao-links'>
        {question.options.length < QUIZ_MAX_OPTIONS && (
          <Text
            className='ao-link'
            onClick={() => onChange({ ...question, options: [...question.options, ''] })}
          >
            加选项
          </Text>
        )}
        {question.options.length > 2 && (
          <Text
            className='ao-link'
            onClick={() => onChange({ ...question, options: question.options.slice(0, -1) })}
          >
            删最后一个选项
          </Text>
        )}
        <Text className='ao-link ao-link--danger' onClick={onRemove}>
          删除本题
        </Text>
      </View>
    </View>
  )
}

function Editor({ initial, isOwner }: { initial: OnboardingSettings; isOwner: boolean }) {
  const [policy, setPolicy] = useState<JoinPolicy>(initial.policy)
  const [questions, setQuestions] = useState<QuizQuestion[]>(initial.quiz.questions)
  const [passMark, setPassMark] = useState(String(initial.quiz.passMark))
  const [cooldown, setCooldown] = useState(String(initial.quiz.cooldownMinutes))
  const [survey, setSurvey] = useState<QuestionnaireQuestion[]>(initial.questionnaire)
  const { saving, error, setError, run } = useSaving()
  const unsaved = useUnsaved({ policy, questions, passMark, cooldown, survey })

  async function save() {
    const mark = Number(passMark)
    const minutes = Number(cooldown)
    if (!Number.isInteger(mark) || mark < 0 || mark > 100) return setError('及格线是 0–100 之间的整数')
    if (!Number.isInteger(minutes) || minutes < 0) return setError('冷却时间是不小于 0 的整数（分钟）')
    if (policy === 'quiz' && questions.length === 0) return setError('入群答题至少需要一道题')
    const done = await run(
      () =>
        community.saveJoinSettings({
          policy,
          quiz: { questions, passMark: mark, cooldownMinutes: minutes },
          questionnaire: survey,
        }),
      '已保存',
    )
    if (done) unsaved.markSaved()
  }

  return (
    <View>
      <View className='qh-card'>
        <Text className='qh-card__title'>入群方式</Text>
        <View className='ao-chips'>
          {JOIN_POLICIES.map((p) => (
            <Text
              key={p}
              className={`ao-chip${policy === p ? ' ao-chip--on' : ''}`}
              onClick={() => isOwner && setPolicy(p)}
            >
              {JOIN_POLICY_NAMES[p]}
            </Text>
          ))}
        </View>
        <Text className='qh-note'>{POLICY_HINTS[policy]}</Text>
        {!isOwner && <Text className='qh-note'>入群方式由主理人设置，你可以查看。</Text>}
      </View>

      {policy === 'quiz' && (
        <View className='qh-card'>
          <Text className='qh-card__title'>入群答题</Text>
          <View className='ao-field'>
            <Text className='ao-label'>及格线（答对百分比）</Text>
            <Input className='ao-input' type='number' value={passMark} onChange={setPassMark} />
          </View>
          <View className='ao-field'>
            <Text className='ao-label'>没通过后多少分钟可以再答</Text>
            <Input className='ao-input' type='number' value={cooldown} onChange={setCooldown} />
          </View>
          {questions.map((q, i) => (
            <QuestionEditor
              key={q.id}
              index={i}
              question={q}
              onChange={(next) => setQuestions(questions.map((x, j) => (j === i ? next : x)))}
              onRemove={() => setQuestions(questions.filter((_, j) => j !== i))}
              renderExtra={(optionIndex) => (
                <Text
                  className={`ao-chip${q.answer === optionIndex ? ' ao-chip--on' : ''}`}
                  onClick={() =>
                    setQuestions(questions.map((x, j) => (j === i ? { ...x, answer: optionIndex } : x)))
                  }
                >
                  {q.answer === optionIndex ? '正确答案' : '设为答案'}
                </Text>
              )}
            />
          ))}
          {questions.length < QUIZ_MAX_QUESTIONS && (
            <Button
              size='small'
              onClick={() =>
                setQuestions([...questions, { id: newId('q'), text: '', options: ['', ''], answer: 0 }])
              }
            >
              添加题目
            </Button>
          )}
        </View>
      )}

      <View className='qh-card'>
        <Text className='qh-card__title'>入群问卷</Text>
        <Text className='qh-note'>
          职业、兴趣、习惯等选择题，成员的选择会成为资料标签。回答统计与导出在「管理 › 问卷」里查看。
        </Text>
        {survey.map((q, i) => (
          <QuestionEditor
            key={q.id}
            index={i}
            question={q}
            onChange={(next) => setSurvey(survey.map((x, j) => (j === i ? next : x)))}
            onRemove={() => setSurvey(survey.filter((_, j) => j !== i))}
            renderExtra={(optionIndex) =>
              optionIndex === 0 ? (
                <Text
                  className={`ao-chip${q.multiple ? ' ao-chip--on' : ''}`}
                  onClick={() =>
                    setSurvey(survey.map((x, j) => (j === i ? { ...x, multiple: !x.multiple } : x)))
                  }
                >
                  {q.multiple ? '多选' : '单选'}
                </Text>
              ) : null
            }
          />
        ))}
        {survey.length < QUESTIONNAIRE_MAX_QUESTIONS && (
          <Button
            size='small'
            onClick={() =>
              setSurvey([...survey, { id: newId('s'), text: '', options: ['', ''], multiple: false }])
            }
          >
            添加问题
          </Button>
        )}
      </View>

      {error && <Text className='ao-error'>{error}</Text>}
      {unsaved.dirty && <Text className='qh-note ao-unsaved'>有未保存的修改</Text>}
      {isOwner && (
        <Button type='primary' block loading={saving} onClick={() => void save()}>
          保存设置
        </Button>
      )}
    </View>
  )
}

/** 入群方式: the owner's join policy, entry quiz and entry questionnaire. */
export default function JoinSettingsPage() {
  return (
    <View className='qh-page'>
      <SettingsGate>
        {(settings, member) => <Editor initial={settings} isOwner={member.role === 'owner'} />}
      </SettingsGate>
    </View>
  )
}
