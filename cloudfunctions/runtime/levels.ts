/**
 * The one way a member's level changes (Discourse's `change_trust_level!`): promotion by the ledger,
 * demotion and the dormancy warning by the nightly levels job. `changeLevel` writes the audit row
 * (`level_changes`) in the caller's transaction and returns the member fields that go with it, which
 * the caller folds into its own single write of the member document.
 */
import { memberId } from '../core/community'
import type { DemotionFloor, Level } from '../core/levels'
import { shanghaiDayKey } from '../core/time'
import type { Transaction } from './db'

export type LevelChangeKind = 'promote' | 'demote' | 'dormant'

/** A `level_changes` row: what the member sees once (`seen`) and admins see in the history. */
export interface LevelChangeRow {
  communityId: string
  openid: string
  from: Level
  to: Level
  kind: LevelChangeKind
  reason: string
  seen: boolean
  createdAt: Date
}

/** The member fields a level change sets. */
export interface LevelPatch {
  level?: Level
  levelSince?: Date
  /** A demotion's floor: re-promotion needs fresh points above it (core/levels requiredEarned). */
  demotionFloor?: DemotionFloor
  /** The dormancy warning (新手 流失预警); a visit clears it. */
  dormantSince?: Date
}

export interface LevelChange {
  communityId: string
  openid: string
  kind: LevelChangeKind
  from: Level
  to: Level
  reason: string
  /** The member's total earned now: a demotion's floor starts from it. */
  totalEarned: number
  /** A promotion's ledger row: the audit row's id follows it, so a retried posting writes it once. */
  ledgerId?: string
  now: Date
}

/**
 * The audit row's id: a promotion's comes from its ledger row; the job's are one per member, kind
 * and day, so redoing a batch never writes twice.
 */
export function levelChangeId(change: LevelChange): string {
  if (change.kind === 'promote') return `${change.ledgerId}:level`
  return `${memberId(change.communityId, change.openid)}:${change.kind}:${shanghaiDayKey(change.now)}`
}

/** Write the audit row in `tx` and return the member fields for the caller's one member write. */
export async function changeLevel(tx: Transaction, change: LevelChange): Promise<LevelPatch> {
  const row: LevelChangeRow = {
    communityId: change.communityId,
    openid: change.openid,
    from: change.from,
    to: change.to,
    kind: change.kind,
    reason: change.reason,
    seen: false,
    createdAt: change.now,
  }
  await tx.collection('level_changes').doc(levelChangeId(change)).set({ data: row })
  switch (change.kind) {
    case 'promote':
      return { level: change.to, levelSince: change.now }
    case 'demote':
      return {
        level: change.to,
        levelSince: change.now,
        demotionFloor: { earned: change.totalEarned, level: change.to },
      }
    case 'dormant':
      return { dormantSince: change.now }
  }
}
