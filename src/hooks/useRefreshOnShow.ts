import { useDidShow } from '@tarojs/taro'

/**
 * Tab pages stay alive between visits, so what they show goes stale (a rank, a balance). Reload it
 * each time the page is shown again; the old data stays on screen until the new answer arrives
 * (useLoader keeps `data` while it loads). The first show is the first load, which is still running.
 */
export function useRefreshOnShow(loaded: { data: unknown; refresh: () => Promise<void> }): void {
  useDidShow(() => {
    if (loaded.data) void loaded.refresh()
  })
}
