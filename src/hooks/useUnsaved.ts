/**
 * An editor's unsaved edits: `dirty` once the value differs from what was last saved, and a warning
 * before the page is left meanwhile. weapp: the platform's alert on back (enableAlertBeforeUnload);
 * H5: the browser's leave-page prompt (Taro H5 has no back alert).
 */
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'

export const LEAVE_WARNING = '修改还没有保存，离开后会丢失。'

export function useUnsaved<T>(value: T): { dirty: boolean; markSaved: () => void } {
  const current = JSON.stringify(value)
  const [saved, setSaved] = useState(current)
  const dirty = current !== saved
  const markSaved = useCallback(() => setSaved(current), [current])

  useEffect(() => {
    if (!dirty) return
    if (process.env.TARO_ENV === 'weapp') {
      void Taro.enableAlertBeforeUnload({ message: LEAVE_WARNING })
      return () => void Taro.disableAlertBeforeUnload()
    }
    if (typeof window === 'undefined') return
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault()
      e.returnValue = LEAVE_WARNING
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])

  return { dirty, markSaved }
}
