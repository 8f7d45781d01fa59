import { Text, View } from '@tarojs/components'

/** One choice question as tappable chips; `multiple` toggles, otherwise one option at a time. */
export default function Choices({
  text,
  options,
  chosen,
  multiple = false,
  onChange,
}: {
  text: string
  options: string[]
  chosen: number[]
  multiple?: boolean
  onChange: (next: number[]) => void
}) {
  return (
    <View className='ob-question'>
      <Text className='ob-question__text'>{multiple ? `${text}（可多选）` : text}</Text>
      <View className='ob-options'>
        {options.map((option, i) => {
          const on = chosen.includes(i)
          return (
            <Text
              key={`${i}-${option}`}
              className={`ob-option${on ? ' ob-option--on' : ''}`}
              onClick={() =>
                onChange(multiple ? (on ? chosen.filter((x) => x !== i) : [...chosen, i]) : on ? [] : [i])
              }
            >
              {option}
            </Text>
          )
        })}
      </View>
    </View>
  )
}
