import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { JOIN_REQUEST_STATE_NAMES } from '@core/onboarding'
import Pill from '@/components/Pill'
import type { JoinGate } from '@/services/member'
import { Button } from '@/ui/nutui'
import './index.scss'
import { dateTimeText } from '@/ui/dates'

/** Someone outside a community they asked to join: 审核中 / 已过期 / 未通过, or the entry quiz to take. */
export default function JoinGateCard({ gate }: { gate: JoinGate }) {
  const { community, request, quiz } = gate
  return (
    <View className='qh-card onboarding-gate'>
      <View className='onboarding-gate__head'>
        <Text className='onboarding-gate__name'>{community.name}</Text>
        {request && <Pill>{JOIN_REQUEST_STATE_NAMES[request.state]}</Pill>}
        {quiz && <Pill>入群答题</Pill>}
      </View>
      {request?.state === 'pending' && (
        <Text className='qh-note'>
          {`你的入群申请正在审核中，管理员会在 ${dateTimeText(request.expiresAt)} 前处理。通过后打开小程序就能进入社群。`}
        </Text>
      )}
      {request?.state === 'expired' && (
        <Text className='qh-note'>申请超过 3 天没有处理，已过期。可以再次输入邀请码重新申请。</Text>
      )}
      {request?.state === 'rejected' && (
        <Text className='qh-note'>这次申请没有通过。如有疑问，可以联系群主后重新申请。</Text>
      )}
      {quiz && (
        <View>
          <Text className='qh-note'>
            {`这个社群需要先答题：共 ${quiz.questions.length} 题，答对 ${quiz.passMark}% 即可加入。`}
          </Text>
          <Button
            className='onboarding-gate__action'
            type='primary'
            block
            onClick={() => void Taro.navigateTo({ url: '/packages/onboarding/join/index' })}
          >
            {quiz.last ? '再答一次' : '开始答题'}
          </Button>
        </View>
      )}
    </View>
  )
}
