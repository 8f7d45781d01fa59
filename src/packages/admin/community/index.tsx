import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { can } from '@core/rights'
import {
  REWARD_CEILING_KEYS,
  REWARD_CEILING_MAX,
  REWARD_CEILING_NAMES,
  type RewardCeilings,
} from '@core/rewards'
import ImageUpload from '@/components/ImageUpload'
import InviteCode from '@/components/InviteCode'
import StaffGate from '@/components/StaffGate'
import { ErrorView, LoadingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { useSaving } from '@/hooks/useSaving'
import * as communityService from '@/services/community'
import * as setup from '@/services/setup'
import type { CommunityProfile } from '@/services/setup'
import { Button, Input } from '@/ui/nutui'
import './index.scss'

/** 社群设置 (owner): name, slogan, logo, the invite code and the reward ceilings. */
export default function CommunitySettingsPage() {
  return (
    <View className='qh-page'>
      <StaffGate>
        {(_community, member) =>
          can(member.role, 'settings') ? (
            <Settings />
          ) : (
            <Text className='qh-note'>只有主理人可以修改社群设置。</Text>
          )
        }
      </StaffGate>
    </View>
  )
}

function Settings() {
  const loaded = useLoader(() => setup.profile(), [])
  if (!loaded.data && loaded.error)
    return <ErrorView message={loaded.error.message} onRetry={() => void loaded.refresh()} />
  if (!loaded.data) return <LoadingView />
  return (
    <View>
      <ProfileForm saved={loaded.data} onSaved={loaded.setData} />
      <InviteCard
        code={loaded.data.inviteCode}
        onReset={(inviteCode) => loaded.setData({ ...loaded.data!, inviteCode })}
      />
      <CeilingsCard />
    </View>
  )
}

function ProfileForm({
  saved,
  onSaved,
}: {
  saved: CommunityProfile
  onSaved: (p: CommunityProfile) => void
}) {
  const [name, setName] = useState(saved.name)
  const [slogan, setSlogan] = useState(saved.slogan)
  const [logo, setLogo] = useState<string | null>(saved.logoFileId)
  const saving = useSaving()
  const save = () =>
    saving.run(async () => onSaved(await setup.saveProfile({ name, slogan, logoFileId: logo })), '已保存')
  return (
    <View className='qh-card admin-block'>
      <Text className='qh-card__title'>基本信息</Text>
      <Text className='admin-label'>社群名称</Text>
      <Input className='admin-input' value={name} placeholder='2–20 个字' onChange={setName} />
      <Text className='admin-label'>口号</Text>
      <Input
        className='admin-input'
        value={slogan}
        placeholder='一句话介绍社群（选填）'
        onChange={setSlogan}
      />
      <Text className='admin-label'>标志</Text>
      <ImageUpload value={logo} onChange={setLogo} purpose='logo' />
      <Text className='qh-note'>{`现有成员 ${saved.memberCount} 人。名称和口号保存后所有成员立即可见。`}</Text>
      {saving.error && <Text className='admin-error'>{saving.error}</Text>}
      <Button block type='primary' loading={saving.saving} onClick={() => void save()}>
        保存基本信息
      </Button>
    </View>
  )
}

function InviteCard({ code, onReset }: { code: string; onReset: (code: string) => void }) {
  const [confirming, setConfirming] = useState(false)
  const saving = useSaving()
  const reset = () =>
    saving.run(async () => {
      onReset((await setup.resetInvite()).inviteCode)
      setConfirming(false)
    }, '已重置')
  return (
    <View className='qh-card admin-block'>
      <Text className='qh-card__title'>邀请码</Text>
      <InviteCode code={code} />
      <Text className='qh-note admin-tip'>任何拿到邀请码的人都能加入本社群，请只发给想邀请的人。</Text>
      {saving.error && <Text className='admin-error'>{saving.error}</Text>}
      {confirming ? (
        <View className='admin-confirm'>
          <Text>
            重置后旧邀请码立即失效，已经发出的邀请码和邀请链接都不能再用来加入；已加入的成员不受影响。
          </Text>
          <View className='admin-actions'>
            <Button size='small' fill='outline' onClick={() => setConfirming(false)}>
              取消
            </Button>
            <Button size='small' type='primary' loading={saving.saving} onClick={() => void reset()}>
              确认重置
            </Button>
          </View>
        </View>
      ) : (
        <Button block fill='outline' onClick={() => setConfirming(true)}>
          重置邀请码
        </Button>
      )}
    </View>
  )
}

function CeilingsCard() {
  const loaded = useLoader(() => communityService.rewardCeilings(), [])
  if (!loaded.data && loaded.error)
    return <ErrorView message={loaded.error.message} onRetry={() => void loaded.refresh()} />
  if (!loaded.data) return <LoadingView />
  return <CeilingsForm key={loaded.data.updatedAt ?? 'default'} saved={loaded.data.ceilings} />
}

function CeilingsForm({ saved }: { saved: RewardCeilings }) {
  const [values, setValues] = useState(REWARD_CEILING_KEYS.map((k) => String(saved[k])))
  const saving = useSaving()
  const numbers = values.map(Number)
  const invalid = numbers.some((n) => !Number.isInteger(n) || n < 0 || n > REWARD_CEILING_MAX)
  const save = () =>
    saving.run(
      () =>
        communityService.saveRewardCeilings(
          Object.fromEntries(REWARD_CEILING_KEYS.map((k, i) => [k, numbers[i]])) as RewardCeilings,
        ),
      '已保存',
    )
  return (
    <View className='qh-card admin-block'>
      <Text className='qh-card__title'>奖励上限</Text>
      <Text className='qh-note'>管理员和活动官设置的奖励不能超过这里的上限，防止积分被随意发放。</Text>
      {REWARD_CEILING_KEYS.map((key, i) => (
        <View className='admin-field' key={key}>
          <Text className='admin-label'>{REWARD_CEILING_NAMES[key]}</Text>
          <Input
            className='admin-input'
            type='number'
            value={values[i]}
            onChange={(v) => setValues(values.map((x, j) => (j === i ? v : x)))}
          />
          <Text className='qh-muted'>分</Text>
        </View>
      ))}
      {invalid && <Text className='admin-error'>{`上限需为 0–${REWARD_CEILING_MAX} 的整数`}</Text>}
      {saving.error && <Text className='admin-error'>{saving.error}</Text>}
      <Button block type='primary' disabled={invalid} loading={saving.saving} onClick={() => void save()}>
        保存奖励上限
      </Button>
    </View>
  )
}
