import Taro from '@tarojs/taro'
import { Cell } from '@/ui/nutui'

/** A cell that opens another page. */
export default function LinkCell({
  title,
  description,
  extra,
  url,
}: {
  title: string
  description?: string
  extra: string
  url: string
}) {
  return (
    <Cell
      title={title}
      description={description}
      clickable
      extra={extra}
      onClick={() => void Taro.navigateTo({ url })}
    />
  )
}
