import { Picker, Text, View } from '@tarojs/components'
import { dayKeyDateText } from '@/ui/dates'
import './index.scss'

/**
 * A day chosen from the platform's date picker instead of typed: the value is a day key
 * ('YYYY-MM-DD'), shown as 2026年12月5日. `start`/`end` bound what can be picked.
 */
export default function DateField({
  value,
  start,
  end,
  placeholder = '选择日期',
  error,
  onChange,
}: {
  value: string
  start?: string
  end?: string
  placeholder?: string
  error?: boolean
  onChange: (dayKey: string) => void
}) {
  return (
    <Picker
      mode='date'
      value={value}
      start={start}
      end={end}
      onChange={(e) => onChange(String(e.detail.value))}
    >
      <View className={`qh-date-field${error ? ' qh-date-field--error' : ''}`}>
        <Text className={value ? 'qh-date-field__value' : 'qh-date-field__placeholder'}>
          {value ? dayKeyDateText(value) : placeholder}
        </Text>
        <Text className='qh-date-field__caret'>›</Text>
      </View>
    </Picker>
  )
}
