import { cloudID } from './transport'
import type * as GroupCard from './group-card'

/** H5 has no share cards: the local cloud issues the CloudID a card of group `?group=` would carry. */
export const groupCardOfPage: typeof GroupCard.groupCardOfPage = async (params) => {
  const openGId = params.group
  if (!openGId) return null
  try {
    const res = await fetch('/_local/group-share', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openGId }),
    })
    if (res.status !== 200) return null
    return cloudID(((await res.json()) as { cloudID: string }).cloudID)
  } catch {
    return null
  }
}
