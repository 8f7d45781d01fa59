import Taro from '@tarojs/taro'
import { cloudID } from './transport'
import type * as GroupCard from './group-card'

/** Scenes where the mini-program opens from a card inside a WeChat group. */
const GROUP_SCENES = [1008, 1044]

export const groupCardOfPage: typeof GroupCard.groupCardOfPage = async () => {
  const entry = Taro.getEnterOptionsSync()
  if (!GROUP_SCENES.includes(Number(entry.scene)) || !entry.shareTicket) return null
  try {
    const res = (await Taro.getGroupEnterInfo({})) as { cloudID?: string }
    return res.cloudID ? cloudID(res.cloudID) : null
  } catch {
    return null
  }
}
