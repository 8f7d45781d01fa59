/** Level changes as the points page shows them: the stored row and its view. */
import { LEVEL_NAMES, type Level } from '../core/levels'
import type { LevelChangeView } from '../core/contracts/points'
export interface LevelChangeDoc {
  _id: string
  communityId: string
  openid: string
  kind: 'promote' | 'demote' | 'dormant'
  from: Level
  to: Level
  reason: string
  seen: boolean
  createdAt: Date
}

export function levelChangeView(doc: LevelChangeDoc): LevelChangeView {
  return {
    id: doc._id,
    kind: doc.kind,
    from: doc.from,
    to: doc.to,
    fromName: LEVEL_NAMES[doc.from],
    toName: LEVEL_NAMES[doc.to],
    reason: doc.reason,
    createdAt: new Date(doc.createdAt).toISOString(),
  }
}
