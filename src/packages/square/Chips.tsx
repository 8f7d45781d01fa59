import { Text, View } from '@tarojs/components'

/** A row of choices, one on (the square's orders, scopes, themes and categories). */
export default function Chips<T extends string>({
  options,
  value,
  onChange,
}: {
  options: readonly { key: T; name: string }[]
  value: T | null
  onChange: (v: T) => void
}) {
  return (
    <View className='sq-chips'>
      {options.map((o) => (
        <Text
          key={o.key}
          className={`sq-chip${o.key === value ? ' sq-chip--on' : ''}`}
          onClick={() => onChange(o.key)}
        >
          {o.name}
        </Text>
      ))}
    </View>
  )
}
