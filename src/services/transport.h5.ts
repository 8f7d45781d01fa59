/** H5 transport: POST /functions/<name> on the local cloud, as the persona picked on the dev login page. */
import { currentPersona } from './session'
import { INTERNAL_MESSAGE, NETWORK_MESSAGE, ServiceError } from './service-error'
import type * as Transport from './transport'

/** No cloud SDK to set up: the local cloud is the page's own origin. */
export const initCloud: typeof Transport.initCloud = () => undefined

// The local gateway resolves { $cloudID } the way the platform decrypts a CloudID.
export const cloudID: typeof Transport.cloudID = (id) => ({ $cloudID: id }) as unknown as Transport.CloudIdRef

export const send: typeof Transport.send = async (name, event) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const openid = currentPersona()
  if (openid) headers['x-wx-openid'] = openid
  let res: Response
  try {
    res = await fetch(`/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(event),
    })
  } catch {
    throw new ServiceError('INTERNAL', NETWORK_MESSAGE)
  }
  if (res.status !== 200) throw new ServiceError('INTERNAL', INTERNAL_MESSAGE)
  try {
    return await res.json()
  } catch {
    throw new ServiceError('INTERNAL', INTERNAL_MESSAGE)
  }
}
