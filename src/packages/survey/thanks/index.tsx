import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@/ui/nutui'
import '../survey.scss'

/** 感谢参与: what the response earned (paid once, so a repeat says so). */
export default function ThanksPage() {
  const params = useRouter().params ?? {}
  const points = Number(params.points ?? 0)
  const already = params.already === '1'
  const held = Number(params.held ?? 0)
  return (
    <View className='qh-page'>
      <View className='qh-card sv-thanks'>
        <Text className='sv-thanks__title'>{already ? '你已经填写过这份问卷' : '感谢你的参与！'}</Text>
        {params.title && <Text className='qh-muted'>{decodeURIComponent(params.title)}</Text>}
        {!already && points > 0 && <Text className='sv-thanks__points'>{`+${points} 积分`}</Text>}
        {!already && points > 0 && <Text className='qh-note'>积分已到账，可以在「积分明细」里查看。</Text>}
        {held > 0 && <Text className='qh-note'>你的文字回答正在审核，通过后计入结果。</Text>}
        <View className='sv-nav'>
          <Button type='primary' onClick={() => void Taro.redirectTo({ url: '/packages/survey/list/index' })}>
            看看其他问卷
          </Button>
        </View>
      </View>
    </View>
  )
}
