import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { NICKNAME_MAX_LENGTH } from '@core/community'
import { EmptyView, LoadingView } from '@/components/StateView'
import { meStore } from '@/hooks/meStore'
import { useMe } from '@/hooks/useMe'
import * as member from '@/services/member'
import { toServiceError } from '@/services/service-error'
import { Button } from '@/ui/nutui'
import AvatarPicker from '../AvatarPicker'
import '../me.scss'

/** 编辑资料: my nickname (WeChat's nickname input on weapp) and avatar in this community. */
export default function ProfilePage() {
  const me = useMe()
  const profile = me.data?.member
  const [nickname, setNickname] = useState<string | null>(null)
  const [avatar, setAvatar] = useState<string | null | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  if (!me.data && me.loading) return <LoadingView />
  if (!profile || !me.data?.community)
    return (
      <View className='qh-page'>
        <EmptyView title='加入社群后才能编辑资料' />
      </View>
    )

  const name = nickname ?? (profile.defaultNickname ? '' : profile.nickname)
  const avatarNow = avatar === undefined ? (profile.avatarFileId ?? null) : avatar

  async function save() {
    const input: member.SaveProfileInput = {}
    if (name.trim() && name.trim() !== profile!.nickname) input.nickname = name
    if (avatar !== undefined && avatar !== (profile!.avatarFileId ?? null)) input.avatarFileId = avatar
    if (!Object.keys(input).length) {
      setError(name.trim() ? '资料没有变化' : '请填写昵称')
      return
    }
    setSaving(true)
    setError(null)
    try {
      meStore.replaced(await member.saveProfile(input))
      setNickname(null)
      setAvatar(undefined)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      const e = toServiceError(err)
      setError(e.fields?.nickname ?? e.message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='qh-page'>
      <View className='qh-card'>
        <Text className='qh-card__title'>头像</Text>
        <AvatarPicker value={avatarNow} onChange={setAvatar} onError={setError} />
      </View>
      <View className='qh-card'>
        <Text className='qh-card__title'>昵称</Text>
        <Input
          className='me-input'
          type={process.env.TARO_ENV === 'weapp' ? 'nickname' : 'text'}
          placeholder='你在社群里的名字'
          maxlength={NICKNAME_MAX_LENGTH}
          value={name}
          onInput={(e) => setNickname(e.detail.value)}
          // WeChat fills a picked nickname without an input event; blur carries it.
          onBlur={(e) => setNickname(e.detail.value)}
        />
        <Text className='qh-note'>
          昵称只在「{me.data.community.name}
          」里使用，会显示在打卡、排行和兑换记录中，不能包含管理员等身份称呼。
        </Text>
        {error && <Text className='me-error'>{error}</Text>}
        <Button type='primary' block loading={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  )
}
