import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@/ui/nutui'
import { IconCopy } from '@/ui/icons'
import './index.scss'

/** A community's invite code, large and easy to read, with a copy button. */
export default function InviteCode({ code }: { code?: string }) {
  if (!code) {
    return <Text className='qh-note'>邀请码暂不可用，请联系主理人。</Text>
  }
  function copy() {
    void Taro.setClipboardData({ data: code! }).then(
      () => Taro.showToast({ title: '邀请码已复制', icon: 'success' }),
      () => Taro.showToast({ title: '复制失败，请长按邀请码手动复制', icon: 'none' }),
    )
  }
  return (
    <View className='qh-invite'>
      <Text className='qh-invite__code' userSelect>
        {code}
      </Text>
      <Button size='small' type='primary' fill='outline' icon={<IconCopy size={14} />} onClick={copy}>
        复制
      </Button>
    </View>
  )
}
