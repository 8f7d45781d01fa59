import type { CursorPage, CursorPages } from '@/hooks/useCursorPages'
import { Button } from '@/ui/nutui'

/** 加载更多 under a list read a page at a time; nothing once the last page is in. */
export default function LoadMore({
  pages,
}: {
  pages: Pick<CursorPages<CursorPage>, 'hasMore' | 'loadMore'>
}) {
  if (!pages.hasMore) return null
  return (
    <Button fill='none' block onClick={() => void pages.loadMore()}>
      加载更多
    </Button>
  )
}
