import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import {
  NPS_MAX,
  NPS_MIN,
  RATING_MAX,
  RATING_MIN,
  TEXT_ANSWER_MAX,
  answerProblem,
  choiceHint,
  type AnswerValue,
  type Answers,
  type SurveyQuestion,
} from '@core/survey'
import type { SurveyView } from '@/services/survey'
import { Button } from '@/ui/nutui'

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

/** One row of score boxes that share the card's width (1–5 and 0–10 alike). */
function Scores({
  from,
  to,
  value,
  onPick,
}: {
  from: number
  to: number
  value: AnswerValue | undefined
  onPick: (v: number) => void
}) {
  return (
    <View className={`sv-scores${to - from >= 10 ? ' sv-scores--many' : ''}`}>
      {range(from, to).map((n) => (
        <Text key={n} className={`sv-score${value === n ? ' sv-score--on' : ''}`} onClick={() => onPick(n)}>
          {String(n)}
        </Text>
      ))}
    </View>
  )
}

function QuestionInput({
  q,
  value,
  onChange,
  onRefuse,
}: {
  q: SurveyQuestion
  value: AnswerValue | undefined
  onChange: (v: AnswerValue | undefined) => void
  onRefuse: (message: string) => void
}) {
  if (q.type === 'single' || q.type === 'multiple') {
    const multiple = q.type === 'multiple'
    const chosen = Array.isArray(value) ? value : typeof value === 'number' ? [value] : []
    const toggle = (i: number) => {
      if (!multiple) return onChange(i)
      if (chosen.includes(i)) {
        const next = chosen.filter((x) => x !== i)
        return onChange(next.length ? next : undefined)
      }
      // A full question takes no more ticks: say how to change the choice instead.
      if (q.maxChoices !== null && chosen.length >= q.maxChoices)
        return onRefuse(`最多选 ${q.maxChoices} 项，先取消一项再选`)
      onChange([...chosen, i])
    }
    return (
      <View>
        {q.options.map((option, i) => {
          const on = chosen.includes(i)
          return (
            <View key={i} className={`sv-option${on ? ' sv-option--on' : ''}`} onClick={() => toggle(i)}>
              <Text
                className={`sv-mark ${multiple ? 'sv-mark--check' : 'sv-mark--radio'}${on ? ' sv-mark--on' : ''}`}
              >
                {multiple && on ? '✓' : ''}
              </Text>
              <Text>{option}</Text>
            </View>
          )
        })}
      </View>
    )
  }
  if (q.type === 'rating')
    return (
      <View>
        <Scores from={RATING_MIN} to={RATING_MAX} value={value} onPick={onChange} />
        <View className='sv-scale'>
          <Text>很不满意</Text>
          <Text>非常满意</Text>
        </View>
      </View>
    )
  if (q.type === 'nps')
    return (
      <View>
        <Scores from={NPS_MIN} to={NPS_MAX} value={value} onPick={onChange} />
        <View className='sv-scale'>
          <Text>完全不会</Text>
          <Text>非常愿意</Text>
        </View>
      </View>
    )
  return (
    <Textarea
      className='sv-textarea'
      value={typeof value === 'string' ? value : ''}
      maxlength={TEXT_ANSWER_MAX}
      placeholder='写下你的想法'
      onInput={(e) => onChange(e.detail.value || undefined)}
    />
  )
}

function hintOf(q: SurveyQuestion): string {
  if (q.type === 'rating') return `${RATING_MIN}–${RATING_MAX} 分`
  if (q.type === 'nps') return `${NPS_MIN}–${NPS_MAX} 分`
  if (q.type === 'text') return `最多 ${TEXT_ANSWER_MAX} 字`
  return choiceHint(q)
}

/**
 * One question at a time with progress (第 3/8 题): 下一题 checks the question first (core rules, the
 * same the server applies); the server's field errors bring the member back to the question at fault.
 */
export default function AnswerForm({
  survey,
  onSubmit,
}: {
  survey: SurveyView
  onSubmit: (answers: Answers) => Promise<{ fields?: Record<string, string>; message?: string } | null>
}) {
  const [answers, setAnswers] = useState<Answers>({})
  const [at, setAt] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const total = survey.questions.length
  const q = survey.questions[at]!
  const last = at === total - 1

  function set(value: AnswerValue | undefined) {
    setError(null)
    setAnswers((prev) => {
      const next = { ...prev }
      if (value === undefined) delete next[q.id]
      else next[q.id] = value
      return next
    })
  }

  async function next() {
    const problem = answerProblem(q, answers[q.id])
    if (problem) return setError(problem)
    if (!last) {
      setAt(at + 1)
      return
    }
    setSending(true)
    try {
      const refused = await onSubmit(answers)
      if (!refused) return
      const key = Object.keys(refused.fields ?? {}).find((k) => k.startsWith('answers.'))
      const index = key ? survey.questions.findIndex((x) => `answers.${x.id}` === key) : -1
      if (index >= 0) setAt(index)
      setError((key && refused.fields?.[key]) || refused.message || '提交没有成功，请稍后再试')
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='qh-card'>
      <View className='sv-progress'>
        <Text className='qh-muted'>{`第 ${at + 1}/${total} 题`}</Text>
        <Text className='qh-note'>{`已答 ${Object.keys(answers).length} 题`}</Text>
      </View>
      <View className='sv-progress__bar'>
        <View className='sv-progress__fill' style={{ width: `${((at + 1) / total) * 100}%` }} />
      </View>
      <Text className='sv-question'>
        {q.required && <Text className='sv-required'>*</Text>}
        {q.title}
      </Text>
      <Text className='sv-hint'>{`${q.required ? '必答 · ' : '选答 · '}${hintOf(q)}`}</Text>
      <QuestionInput q={q} value={answers[q.id]} onChange={set} onRefuse={setError} />
      {error && <Text className='sv-error'>{error}</Text>}
      <View className='sv-nav'>
        {at > 0 && (
          <Button
            fill='outline'
            onClick={() => {
              setError(null)
              setAt(at - 1)
            }}
          >
            上一题
          </Button>
        )}
        <Button type='primary' loading={sending} onClick={() => void next()}>
          {last ? '提交' : '下一题'}
        </Button>
      </View>
    </View>
  )
}
