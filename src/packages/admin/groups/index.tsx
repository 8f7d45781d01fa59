import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { GROUP_CAPACITY, GROUP_NAME_MAX } from '@core/groups'
import { can } from '@core/rights'
import StaffGate from '@/components/StaffGate'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { groupCardOfPage } from '@/services/group-card'
import * as groups from '@/services/groups'
import { savePng, sharePng } from '@/services/save-image'
import { toServiceError } from '@/services/service-error'
import type { CloudIdRef } from '@/services/transport'
import { Button, Input } from '@/ui/nutui'
import { confirmModal } from '@/ui/modal'
import './index.scss'

/** 微信群与活码: bind the group this page was opened from, the bound groups with their counts, the QR code. */
export default function GroupsPage() {
  return (
    <View className='qh-page'>
      <StaffGate>
        {(community, member) =>
          can(member.role, 'groups') ? (
            <GroupsAdmin communityName={community.name} />
          ) : (
            <Text className='qh-note'>只有主理人和管理员可以管理微信群与活码。</Text>
          )
        }
      </StaffGate>
    </View>
  )
}

function GroupsAdmin({ communityName }: { communityName: string }) {
  const list = useLoader(() => groups.list(), [])
  return (
    <View>
      <BindCard onBound={() => void list.refresh()} />
      <Text className='qh-section-title'>已绑定的群</Text>
      {!list.data && list.loading && <LoadingView />}
      {!list.data && list.error && (
        <ErrorView message={list.error.message} onRetry={() => void list.refresh()} />
      )}
      {list.data && <GroupRows data={list.data} onChanged={() => void list.refresh()} />}
      <Text className='qh-section-title'>社群码</Text>
      <QrCard communityName={communityName} />
    </View>
  )
}

function BindCard({ onBound }: { onBound: () => void }) {
  const params = useRouter().params ?? {}
  const [card, setCard] = useState<CloudIdRef | null>(null)
  const [name, setName] = useState('')
  const [error, setError] = useState('')
  const [saving, setSaving] = useState(false)
  useEffect(() => {
    void groupCardOfPage(params).then(setCard)
    // The page's entry does not change while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  if (!card)
    return (
      <View className='qh-card'>
        <Text className='qh-card__title'>绑定微信群</Text>
        <Text className='qh-note'>
          在要绑定的微信群里发一张小程序卡片，从群里点开卡片进入这一页，就可以「绑定本群」。一个群只能属于一个社群。
        </Text>
      </View>
    )
  const submit = async () => {
    setSaving(true)
    setError('')
    try {
      const res = await groups.bind({ groupShare: card, name })
      void Taro.showToast({ title: res.created ? '已绑定本群' : '已更新群名称', icon: 'success' })
      setCard(null)
      onBound()
    } catch (err) {
      const e = toServiceError(err)
      setError(e.fields?.name ?? e.message)
    } finally {
      setSaving(false)
    }
  }
  return (
    <View className='qh-card'>
      <Text className='qh-card__title'>你是从一个微信群打开的</Text>
      <Input
        className='groups-name'
        placeholder={`给这个群起个名字，最多 ${GROUP_NAME_MAX} 字`}
        value={name}
        onChange={(v) => setName(v)}
      />
      {error && <Text className='groups-error'>{error}</Text>}
      <Button type='primary' loading={saving} onClick={() => void submit()}>
        绑定本群
      </Button>
    </View>
  )
}

function GroupRows({ data, onChanged }: { data: groups.GroupList; onChanged: () => void }) {
  if (!data.groups.length)
    return <EmptyView title='还没有绑定微信群' description='绑定后，群成员从群卡片进来就能直接加入社群。' />
  const unbind = async (g: groups.GroupView) => {
    const { confirm } = await confirmModal({
      title: `解绑「${g.name}」？`,
      content: '解绑后，这个群里的卡片不能再用来加入社群；已加入的成员不受影响。',
      confirmText: '解绑',
    })
    if (!confirm) return
    try {
      await groups.unbind(g.id)
      void Taro.showToast({ title: '已解绑', icon: 'success' })
      onChanged()
    } catch (err) {
      void Taro.showToast({ title: toServiceError(err).message, icon: 'none' })
    }
  }
  return (
    <View className='qh-card'>
      {data.groups.map((g) => (
        <View key={g.id} className='groups-row'>
          <View className='groups-row__main'>
            <Text className='groups-row__name'>{g.name}</Text>
            <Text className='qh-muted'>
              {g.memberCount} / {GROUP_CAPACITY} 人{g.nearFull ? ' · 快满了，建议开新群' : ''}
            </Text>
          </View>
          <Button size='small' onClick={() => void unbind(g)}>
            解绑
          </Button>
        </View>
      ))}
      {data.withoutGroup > 0 && (
        <Text className='qh-note'>另有 {data.withoutGroup} 人通过邀请码加入，不在任何群。</Text>
      )}
    </View>
  )
}

function QrCard({ communityName }: { communityName: string }) {
  const [code, setCode] = useState<groups.QrCode | null>(null)
  const [error, setError] = useState('')
  const [loading, setLoading] = useState(false)
  const fileName = `${communityName}-社群码.png`
  const make = async () => {
    setLoading(true)
    setError('')
    try {
      setCode(await groups.qrcode())
    } catch (err) {
      setError(toServiceError(err).message)
    } finally {
      setLoading(false)
    }
  }
  return (
    <View className='qh-card'>
      <Text className='qh-note'>
        扫码即进入加入流程，邀请码已自动填好。一个码适用于所有群；重置邀请码后旧码失效。
      </Text>
      {code && (
        <View className='groups-qr'>
          <Image className='groups-qr__image' src={`data:image/png;base64,${code.png}`} mode='aspectFit' />
          <Text className='qh-muted'>邀请码 {code.scene}</Text>
        </View>
      )}
      {error && <Text className='groups-error'>{error}</Text>}
      <View className='groups-actions'>
        {!code && (
          <Button type='primary' loading={loading} onClick={() => void make()}>
            生成社群码
          </Button>
        )}
        {code && (
          <Button
            type='primary'
            onClick={() =>
              void savePng(code.png, fileName).then((title) => Taro.showToast({ title, icon: 'none' }))
            }
          >
            保存图片
          </Button>
        )}
        {code && (
          <Button
            onClick={() =>
              void sharePng(code.png, fileName).then((shared) => {
                if (!shared) void Taro.showToast({ title: '请保存图片后发到群里', icon: 'none' })
              })
            }
          >
            分享
          </Button>
        )}
      </View>
    </View>
  )
}
