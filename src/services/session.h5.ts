/** H5: the persona picked on the dev login page, kept in storage; its openid goes to the local gateway. */
import Taro from '@tarojs/taro'
import { forgetCommunity } from './community-context'
import type * as Session from './session'

const PERSONA_KEY = 'qunhuo.persona'
const DEV_LOGIN_PAGE = '/pages/dev-login/index'

export const currentPersona: typeof Session.currentPersona = () => {
  try {
    const value: unknown = Taro.getStorageSync(PERSONA_KEY)
    return typeof value === 'string' ? value : ''
  } catch {
    return ''
  }
}

export const setPersona: typeof Session.setPersona = (openid) => {
  if (openid !== currentPersona()) forgetCommunity()
  Taro.setStorageSync(PERSONA_KEY, openid)
}

export const ensurePersona: typeof Session.ensurePersona = () => {
  if (currentPersona()) return true
  void Taro.reLaunch({ url: DEV_LOGIN_PAGE })
  return false
}

export const switchPersona: typeof Session.switchPersona = () => {
  void Taro.reLaunch({ url: DEV_LOGIN_PAGE })
}
