/** A list read a page at a time: the first page through useLoader, then "load more" by cursor. */
import { useState } from 'react'
import { useLoader, type Loaded } from './useLoader'

export interface CursorPage {
  items: unknown[]
  nextCursor: string | null
}

export interface CursorPages<P extends CursorPage> extends Loaded<P> {
  /** The first page's items, then the ones loaded since. */
  items: P['items'][number][]
  hasMore: boolean
  loadMore: () => Promise<void>
}

/** `data` is the first page (with whatever else it carries); a reload starts the list over. */
export function useCursorPages<P extends CursorPage>(
  fetchPage: (cursor?: string) => Promise<P>,
  deps: readonly unknown[],
): CursorPages<P> {
  const [extra, setExtra] = useState<P['items'][number][]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const first = useLoader(async () => {
    const page = await fetchPage()
    setExtra([])
    setCursor(page.nextCursor)
    return page
  }, deps)

  async function loadMore() {
    if (!cursor) return
    const page = await fetchPage(cursor)
    setExtra((items) => [...items, ...page.items])
    setCursor(page.nextCursor)
  }

  return { ...first, items: [...(first.data?.items ?? []), ...extra], hasMore: cursor !== null, loadMore }
}
