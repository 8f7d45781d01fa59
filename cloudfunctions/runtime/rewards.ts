/**
 * The owner's ceilings on staff-set rewards (core/rewards.ts): `reward_ceilings/<communityId>`,
 * `{ ceilings, updatedAt, updatedBy }`; a community without the document has the defaults.
 */
import { effectiveCeilings, type RewardCeilingKey, type RewardCeilings } from '../core/rewards'
import type { Database } from './cloud'
import { readCommunitySettings } from './community-settings'
import { txGetOrNull, type Transaction } from './db'

export interface RewardCeilingsDoc {
  _id: string
  ceilings: Partial<Record<RewardCeilingKey, number>>
  updatedAt: Date
  updatedBy: string
}

export async function loadRewardCeilings(db: Database, communityId: string): Promise<RewardCeilings> {
  return effectiveCeilings(
    (await readCommunitySettings<RewardCeilingsDoc>(db, 'reward_ceilings', communityId))?.ceilings,
  )
}

/** The ceilings read inside a transaction (a payment that must not race a lowered ceiling). */
export async function txRewardCeilings(tx: Transaction, communityId: string): Promise<RewardCeilings> {
  return effectiveCeilings(
    (await txGetOrNull<RewardCeilingsDoc>(tx, 'reward_ceilings', communityId))?.ceilings,
  )
}
