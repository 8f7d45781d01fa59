import Taro, { useDidShow } from '@tarojs/taro'
import { meStore } from './meStore'

/** Scenes where the mini-program opens from a card inside a WeChat group. */
const GROUP_SCENES = [1008, 1044]

let lastEntry = ''

/**
 * weapp: opened (or brought back) from a group's share card → join that group's community.
 * The same card is handled once, so coming back to the app later does not retry an expired CloudID.
 */
export function useGroupEntry(): void {
  useDidShow(
    (options?: { scene?: number; shareTicket?: string; path?: string; query?: Record<string, string> }) => {
      if (process.env.TARO_ENV !== 'weapp') return
      const scene = Number(options?.scene)
      if (!GROUP_SCENES.includes(scene)) return
      const entry = `${scene}:${options?.shareTicket ?? ''}`
      if (entry === lastEntry) return
      lastEntry = entry
      Taro.getGroupEnterInfo({
        success: (res) => {
          // An activity's card (opened on its detail page) is counted in that activity's review.
          const viaActivity = options?.path?.includes('packages/activities/detail')
            ? options.query?.id
            : undefined
          if (res.cloudID) void meStore.enterFromGroup(res.cloudID, viaActivity)
        },
        fail: () => undefined,
      })
    },
  )
}
