import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { initCloud } from '@/services/transport'
import { useGroupEntry } from '@/hooks/useGroupEntry'

import './app.scss'

// weapp: before any page loads and calls a function.
initCloud()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Cards shared into a group carry a shareTicket, so whoever opens them joins that group's community.
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true })
  })
  useGroupEntry()
  return children
}

export default App
