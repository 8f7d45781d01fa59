/** weapp transport: Taro.cloud.callFunction; the platform tells the function who calls. */
import Taro from '@tarojs/taro'
import { NETWORK_MESSAGE, ServiceError } from './service-error'
import type * as Transport from './transport'

let cloudReady = false

export const initCloud: typeof Transport.initCloud = () => {
  if (cloudReady) return
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV, traceUser: true })
  cloudReady = true
}

export const cloudID: typeof Transport.cloudID = (id) =>
  Taro.cloud.CloudID(id) as unknown as Transport.CloudIdRef

export const send: typeof Transport.send = async (name, event) => {
  initCloud()
  try {
    const res = await Taro.cloud.callFunction({ name, data: event })
    return res.result
  } catch {
    throw new ServiceError('INTERNAL', NETWORK_MESSAGE)
  }
}
