/**
 * The real wx-server-sdk inside the local cloud's own process, for the demo seed and the dev-login
 * persona list: it reaches this server's /admin exactly as a deployed function would.
 */
import type * as WxServerSdk from 'wx-server-sdk'
import { pointSdkAt } from './sdk-env'

let sdk: typeof WxServerSdk | null = null

export function adminDatabase(adminUrl: string, envId: string): ReturnType<typeof WxServerSdk.database> {
  if (!sdk) {
    pointSdkAt(adminUrl, envId)

    sdk = require('wx-server-sdk') as typeof WxServerSdk
    sdk.init({ env: envId })
  }
  return sdk.database({ env: envId })
}
