import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { COMMUNITY_NAME_MAX } from '@core/community'
import { JOIN_POLICIES, JOIN_POLICY_NAMES, type JoinPolicy } from '@core/onboarding'
import { MAX_OWNED_COMMUNITIES } from '@core/team'
import ImageUpload from '@/components/ImageUpload'
import { meStore } from '@/hooks/meStore'
import { useSaving } from '@/hooks/useSaving'
import * as setup from '@/services/setup'
import { Button, Input } from '@/ui/nutui'
import '../../admin/community/index.scss'

/** 创建社群: anyone starts a community and becomes its 主理人. */
export default function CreateCommunityPage() {
  const [name, setName] = useState('')
  const [slogan, setSlogan] = useState('')
  const [logo, setLogo] = useState<string | null>(null)
  const [policy, setPolicy] = useState<JoinPolicy>('open')
  const saving = useSaving()
  const create = () =>
    saving.run(async () => {
      await setup.create({ name, slogan, joinPolicy: policy, ...(logo ? { logoFileId: logo } : {}) })
      // The answer made the new community the one this app acts in: load it and go home.
      await meStore.refresh()
      void Taro.switchTab({ url: '/pages/home/index' })
    }, '创建成功')
  return (
    <View className='qh-page'>
      <View className='qh-card admin-block'>
        <Text className='qh-card__title'>创建社群</Text>
        <Text className='qh-note'>{`创建后你就是主理人，可以邀请成员、任命管理员。每人最多拥有 ${MAX_OWNED_COMMUNITIES} 个社群。`}</Text>
        <Text className='admin-label'>社群名称</Text>
        <Input
          className='admin-input'
          value={name}
          placeholder={`2–${COMMUNITY_NAME_MAX} 个字`}
          onChange={setName}
        />
        <Text className='admin-label'>口号</Text>
        <Input
          className='admin-input'
          value={slogan}
          placeholder='一句话介绍社群（选填）'
          onChange={setSlogan}
        />
        <Text className='admin-label'>标志（选填）</Text>
        <ImageUpload value={logo} onChange={setLogo} purpose='logo' />
        <Text className='admin-label'>入群方式</Text>
        <View className='admin-actions team-choices'>
          {JOIN_POLICIES.map((p) => (
            <Button
              key={p}
              size='small'
              type={policy === p ? 'primary' : 'default'}
              onClick={() => setPolicy(p)}
            >
              {JOIN_POLICY_NAMES[p]}
            </Button>
          ))}
        </View>
        {saving.error && <Text className='admin-error'>{saving.error}</Text>}
        <Button block type='primary' loading={saving.saving} onClick={() => void create()}>
          创建社群
        </Button>
      </View>
    </View>
  )
}
