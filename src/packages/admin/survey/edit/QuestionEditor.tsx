import { Text, View } from '@tarojs/components'
import {
  OPTIONS_MAX,
  QUESTION_TYPE_NAMES,
  QUESTION_TYPES,
  isChoice,
  type QuestionType,
  type SurveyQuestion,
} from '@core/survey'
import { Input } from '@/ui/nutui'

const numberOrNull = (text: string): number | null =>
  text.trim() && Number.isInteger(Number(text)) ? Number(text) : null

/** One question in the builder: kind, title, required, options, min/max; move up/down and remove. */
export default function QuestionEditor({
  index,
  count,
  question: q,
  types = QUESTION_TYPES,
  onChange,
  onMove,
  onRemove,
}: {
  index: number
  count: number
  question: SurveyQuestion
  types?: readonly QuestionType[]
  onChange: (next: SurveyQuestion) => void
  onMove: (by: -1 | 1) => void
  onRemove: () => void
}) {
  const setType = (type: QuestionType) =>
    onChange({
      ...q,
      type,
      options: isChoice(type) ? (q.options.length ? q.options : ['', '']) : [],
      minChoices: type === 'multiple' ? q.minChoices : null,
      maxChoices: type === 'multiple' ? q.maxChoices : null,
    })
  return (
    <View className='sa-question'>
      <Text className='sa-label'>{`第 ${index + 1} 题`}</Text>
      <View className='sa-chips'>
        {types.map((t) => (
          <Text key={t} className={`sa-chip${q.type === t ? ' sa-chip--on' : ''}`} onClick={() => setType(t)}>
            {QUESTION_TYPE_NAMES[t]}
          </Text>
        ))}
      </View>
      <Input
        className='sa-input'
        value={q.title}
        placeholder='题目'
        onChange={(title) => onChange({ ...q, title })}
      />
      {isChoice(q.type) &&
        q.options.map((option, i) => (
          <View key={i} className='sa-option'>
            <Input
              className='sa-input'
              value={option}
              placeholder={`选项 ${i + 1}`}
              onChange={(value) =>
                onChange({ ...q, options: q.options.map((o, j) => (j === i ? value : o)) })
              }
            />
            {q.options.length > 2 && (
              <Text
                className='sa-link sa-link--danger'
                onClick={() => onChange({ ...q, options: q.options.filter((_, j) => j !== i) })}
              >
                删除
              </Text>
            )}
          </View>
        ))}
      {q.type === 'multiple' && (
        <View className='sa-option'>
          <Text className='sa-option__label'>最少选</Text>
          <Input
            className='sa-input'
            type='number'
            value={q.minChoices === null ? '' : String(q.minChoices)}
            placeholder='不限'
            onChange={(v) => onChange({ ...q, minChoices: numberOrNull(v) })}
          />
          <Text className='sa-option__label'>最多选</Text>
          <Input
            className='sa-input'
            type='number'
            value={q.maxChoices === null ? '' : String(q.maxChoices)}
            placeholder='不限'
            onChange={(v) => onChange({ ...q, maxChoices: numberOrNull(v) })}
          />
        </View>
      )}
      <View className='sa-links'>
        {isChoice(q.type) && q.options.length < OPTIONS_MAX && (
          <Text className='sa-link' onClick={() => onChange({ ...q, options: [...q.options, ''] })}>
            加选项
          </Text>
        )}
        <Text
          className={`sa-chip${q.required ? ' sa-chip--on' : ''}`}
          onClick={() => onChange({ ...q, required: !q.required })}
        >
          {q.required ? '必答' : '选答'}
        </Text>
        {index > 0 && (
          <Text className='sa-link' onClick={() => onMove(-1)}>
            上移
          </Text>
        )}
        {index < count - 1 && (
          <Text className='sa-link' onClick={() => onMove(1)}>
            下移
          </Text>
        )}
        <Text className='sa-link sa-link--danger' onClick={onRemove}>
          删除本题
        </Text>
      </View>
    </View>
  )
}
