/** An editor's save button: busy while it runs, a toast when done, the first field error when refused. */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { toServiceError } from '@/services/service-error'

export function useSaving() {
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  /** Runs `work`; true when it succeeded. */
  async function run(work: () => Promise<unknown>, doneTitle: string): Promise<boolean> {
    setSaving(true)
    setError(null)
    try {
      await work()
      void Taro.showToast({ title: doneTitle, icon: 'success' })
      return true
    } catch (err) {
      const e = toServiceError(err)
      setError(Object.values(e.fields ?? {})[0] ?? e.message)
      return false
    } finally {
      setSaving(false)
    }
  }

  return { saving, error, setError, run }
}
