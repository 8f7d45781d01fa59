/**
 * Who the H5 build acts as. On weapp the platform knows who is calling and this stays empty; on the
 * local H5 build the dev login page picks a persona and its openid goes to the gateway.
 */
import Taro from '@tarojs/taro'

const PERSONA_KEY = 'qunhuo.persona'
export const DEV_LOGIN_PAGE = '/pages/dev-login/index'

export function currentPersona(): string {
  if (process.env.TARO_ENV !== 'h5') return ''
  try {
    const value: unknown = Taro.getStorageSync(PERSONA_KEY)
    return typeof value === 'string' ? value : ''
  } catch {
    return ''
  }
}

export function setPersona(openid: string): void {
  if (process.env.TARO_ENV !== 'h5') return
  Taro.setStorageSync(PERSONA_KEY, openid)
}

/** H5 only: with no persona yet, go and pick one. Returns false when it navigated away. */
export function ensurePersona(): boolean {
  if (process.env.TARO_ENV !== 'h5') return true
  if (currentPersona()) return true
  void Taro.reLaunch({ url: DEV_LOGIN_PAGE })
  return false
}

/** H5 only: back to the dev login page to act as someone else. */
export function switchPersona(): void {
  if (process.env.TARO_ENV !== 'h5') return
  void Taro.reLaunch({ url: DEV_LOGIN_PAGE })
}
