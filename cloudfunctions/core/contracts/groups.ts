import { z } from 'zod'
import { GROUP_NAME_MAX } from '../groups'
import { groupShareSchema } from './member'

export const groupsInputs = {
  /** Staff opened the mini-program from a share card inside the group and tapped 绑定本群. */
  bind: z
    .object({
      groupShare: groupShareSchema,
      name: z.string().trim().min(1, '请填写群名称').max(GROUP_NAME_MAX, `群名称最多 ${GROUP_NAME_MAX} 个字`),
    })
    .strict(),
  list: z.object({}).strict(),
  unbind: z.object({ groupId: z.string().min(1).max(64) }).strict(),
  qrcode: z.object({}).strict(),
}

export interface GroupView {
  id: string
  name: string
  memberCount: number
  capacity: number
  nearFull: boolean
  boundAt: string | null
}

export interface GroupList {
  groups: GroupView[]
  /** Members who joined by invite code or link, in no group. */
  withoutGroup: number
}

export interface BindResult {
  group: GroupView
  /** False when this group was already bound to this community (the tap changed nothing). */
  created: boolean
}

export interface QrCode {
  /** The PNG, base64: the client shows it as a data URL and saves it. */
  png: string
  scene: string
  page: string
}

export interface GroupsOutputs {
  bind: BindResult
  list: GroupList
  unbind: { unbound: boolean }
  qrcode: QrCode
}

export type GroupsInputs = { [K in keyof typeof groupsInputs]: z.input<(typeof groupsInputs)[K]> }
