/** An editor's save button: busy while it runs, a toast when done, the first field error when refused. */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { toServiceError } from '@/services/transport'

export function useSaving() {
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function run(work: () => Promise<unknown>, doneTitle: string): Promise<void> {
    setSaving(true)
    setError(null)
    try {
      await work()
      void Taro.showToast({ title: doneTitle, icon: 'success' })
    } catch (err) {
      const e = toServiceError(err)
      setError(Object.values(e.fields ?? {})[0] ?? e.message)
    } finally {
      setSaving(false)
    }
  }

  return { saving, error, setError, run }
}
