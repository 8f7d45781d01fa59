/**
 * H5 only (app.config.ts lists this page only in the h5 build): pick who to be on the local cloud.
 * On weapp the platform says who is calling; here the openid goes to the gateway in x-wx-openid.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ErrorView, LoadingView } from '@/components/StateView'
import { meStore } from '@/hooks/meStore'
import {
  groupShare,
  listPersonas,
  newVisitorOpenid,
  type LocalGroup,
  type PersonaList,
} from '@/services/local'
import { setPersona } from '@/services/session'
import { toServiceError, type ServiceError } from '@/services/service-error'
import { tabUrl } from '@/tabs'
import { Cell, CellGroup } from '@/ui/nutui'
import './index.scss'

function goHome() {
  void Taro.switchTab({ url: tabUrl('home') })
}

export default function DevLoginPage() {
  const [list, setList] = useState<PersonaList | null>(null)
  const [error, setError] = useState<ServiceError | null>(null)
  const [busy, setBusy] = useState(false)

  function load() {
    setError(null)
    listPersonas().then(setList, (err) => setError(toServiceError(err)))
  }
  useEffect(load, [])

  function actAs(openid: string) {
    setPersona(openid)
    meStore.reset()
    void meStore.refresh()
    goHome()
  }

  async function enterFromGroup(group: LocalGroup) {
    if (busy) return
    setBusy(true)
    try {
      const cloudId = await groupShare(group.openGId)
      setPersona(newVisitorOpenid())
      meStore.reset()
      void meStore.enterFromGroup(cloudId)
      goHome()
    } catch (err) {
      void Taro.showToast({ title: toServiceError(err).message, icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  let body
  if (error) body = <ErrorView message={error.message} onRetry={load} />
  else if (!list) body = <LoadingView />
  else {
    body = (
      <View>
        <CellGroup title='选择一个身份'>
          {list.personas.map((p) => (
            <Cell
              key={p.openid}
              title={`${p.nickname} · ${p.roleName}`}
              description={p.communityName}
              extra='进入'
              clickable
              onClick={() => actAs(p.openid)}
            />
          ))}
          <Cell
            title='新访客'
            description='还不属于任何社群，可以试试加入'
            extra='进入'
            clickable
            onClick={() => actAs(newVisitorOpenid())}
          />
        </CellGroup>

        <CellGroup title='模拟从群卡片进入' description='以新访客身份，从这个群里的小程序卡片打开'>
          {list.groups.length === 0 && <Cell title='本地还没有绑定的群' />}
          {list.groups.map((g) => (
            <Cell
              key={g.openGId}
              title={g.name}
              description={g.communityName}
              extra={busy ? '…' : '打开卡片'}
              clickable
              onClick={() => void enterFromGroup(g)}
            />
          ))}
        </CellGroup>
      </View>
    )
  }

  return (
    <View className='qh-page'>
      <View className='dev-login__head'>
        <Text className='dev-login__title'>本地体验登录</Text>
        <Text className='qh-note'>在本机体验群活：选一个身份，就像用这个人的微信打开小程序。</Text>
      </View>
      {body}
    </View>
  )
}
