import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { INVITE_CODE_LENGTH, isWellFormedInviteCode, normaliseInviteCode } from '@core/community'
import JoinGateCard from './components/JoinGateCard'
import { meStore } from '@/hooks/meStore'
import { useMe } from '@/hooks/useMe'
import * as member from '@/services/member'
import { toServiceError } from '@/services/service-error'
import { IconShare } from '@/ui/icons'
import { Button, Input } from '@/ui/nutui'
import { confirmModal } from '@/ui/modal'

type Errors = { code?: string; nickname?: string; form?: string }

function validate(code: string): string | undefined {
  if (!code) return '请输入邀请码'
  if (!isWellFormedInviteCode(code)) return `邀请码是 ${INVITE_CODE_LENGTH} 位字母或数字，请核对后再试`
  return undefined
}

/** A page query value; a hand-edited link with a broken %-escape is taken as it is. */
function param(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '')
  } catch {
    return value ?? ''
  }
}

/** For someone who belongs to no community yet: how to get in. */
export default function JoinPanel() {
  const me = useMe()
  const gate = me.data?.pendingJoin ?? null
  // A personal invite link opens here with ?code=…&ref=… (the ref credits whoever shared it); the
  // community QR code (wxacode.getUnlimited) with ?scene=<invite code>.
  const params = useRouter().params ?? {}
  const ref = param(params.ref) || undefined
  const [code, setCode] = useState(() => normaliseInviteCode(param(params.code) || param(params.scene)))
  const [nickname, setNickname] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [submitting, setSubmitting] = useState(false)

  async function submit() {
    if (submitting) return
    const normalised = normaliseInviteCode(code)
    const codeError = validate(normalised)
    if (codeError) {
      setErrors({ code: codeError })
      return
    }
    setErrors({})
    setSubmitting(true)
    try {
      const name = nickname.trim()
      const result = await member.joinByInvite({
        code: normalised,
        ...(name ? { nickname: name } : {}),
        ...(ref ? { ref } : {}),
      })
      meStore.joined(result)
      if (member.isGatedJoin(result)) {
        // Quiz communities: answer on the quiz page; review ones show 审核中 right here.
        if (result.status === 'quiz') void Taro.navigateTo({ url: '/packages/onboarding/join/index' })
        else void Taro.showToast({ title: '已提交申请，等待审核', icon: 'none' })
      } else if (result.welcome?.shortRules && !result.alreadyMember) {
        void confirmModal({
          title: `欢迎加入${result.community.name}`,
          content: `群规速览：${result.welcome.shortRules}`,
          showCancel: false,
          confirmText: '知道了',
        })
      } else {
        void Taro.showToast({ title: result.alreadyMember ? '你已在社群中' : '加入成功', icon: 'success' })
      }
    } catch (err) {
      const error = toServiceError(err)
      const fields = error.fields ?? {}
      if (fields.code || fields.nickname) setErrors({ code: fields.code, nickname: fields.nickname })
      else setErrors({ form: error.message })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className='join'>
      <View className='join-welcome'>
        <Text className='join-welcome__title'>欢迎来到群活</Text>
        <Text className='join-welcome__desc'>加入一个社群，和大家一起打卡、攒积分、换礼物。</Text>
      </View>

      {gate && <JoinGateCard gate={gate} />}

      <View className='join-tip'>
        <IconShare size={18} />
        <Text className='join-tip__text'>从微信群里的小程序卡片进入即可自动加入</Text>
      </View>

      <View className='qh-card'>
        <Text className='qh-card__title'>{gate ? '用邀请码加入其他社群' : '用邀请码加入'}</Text>
        <Text className='qh-note'>
          {ref && code
            ? '好友邀请你加入，邀请码已经填好了。'
            : '没有群卡片？向群主或管理员要一个 6 位邀请码。'}
        </Text>

        <View className={`join-field${errors.code ? ' join-field--error' : ''}`}>
          <Input
            className='join-field__input join-field__input--code'
            placeholder='6 位邀请码'
            value={code}
            maxLength={INVITE_CODE_LENGTH}
            onChange={(value) => {
              setCode(value.toUpperCase())
              if (errors.code || errors.form) setErrors({})
            }}
          />
        </View>
        {errors.code && <Text className='join-error'>{errors.code}</Text>}

        <View className={`join-field${errors.nickname ? ' join-field--error' : ''}`}>
          <Input
            className='join-field__input'
            placeholder='群里怎么称呼你（选填）'
            value={nickname}
            maxLength={20}
            onChange={(value) => {
              setNickname(value)
              if (errors.nickname) setErrors({ ...errors, nickname: undefined })
            }}
          />
        </View>
        {errors.nickname && <Text className='join-error'>{errors.nickname}</Text>}

        {errors.form && <Text className='join-error join-error--form'>{errors.form}</Text>}

        <Button
          className='join-submit'
          type='primary'
          block
          loading={submitting}
          onClick={() => void submit()}
        >
          加入社群
        </Button>
      </View>

      <View className='qh-card'>
        <Text className='qh-card__title'>想自己建一个社群？</Text>
        <Text className='qh-note'>创建后你就是主理人，可以邀请成员、任命管理员。</Text>
        <Button
          block
          fill='outline'
          onClick={() => void Taro.navigateTo({ url: '/packages/onboarding/create/index' })}
        >
          创建社群
        </Button>
      </View>
    </View>
  )
}
