/** The `groups` function: WeChat groups bound to the community and the community QR code. */
import type { BindResult, GroupList, GroupView, GroupsInputs, QrCode } from '@core/contracts/groups'
import { call } from './call'
import type { CloudIdRef } from './transport'

export type { BindResult, GroupList, GroupView, QrCode }

export const list = () => call('groups', 'list')

/** `groupShare` is cloudID(id) of the CloudID from Taro.getGroupEnterInfo (services/group-card). */
export const bind = (input: { groupShare: CloudIdRef; name: string }) =>
  // The platform swaps the CloudID for the decrypted share the schema checks.
  call('groups', 'bind', input as unknown as GroupsInputs['bind'])

export const unbind = (groupId: string) => call('groups', 'unbind', { groupId })

export const qrcode = () => call('groups', 'qrcode')
