/** Shared setup for the onboarding and moderation function tests. */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import * as fixtures from '../support/fixtures'
import { sdkFor, type RunningCloud, type SdkDatabase } from '../support/local-cloud'

export { data } from '../support/fixtures'

export type Db = ReturnType<ReturnType<typeof sdkFor>['database']>

/** The SDK's own database type and the promise-only view of it are the same object. */
const asSdk = (db: Db) => db as unknown as SdkDatabase

export function caller(cloud: RunningCloud) {
  return <T>(fn: string, event: Record<string, unknown>, openid: string) =>
    cloud.call<ActionResult<T>>(fn, event, openid)
}

export function addCommunity(
  db: Db,
  id: string,
  inviteCode: string,
  joinPolicy: 'open' | 'review' | 'quiz' = 'open',
): Promise<void> {
  return fixtures.addCommunity(asSdk(db), id, { slogan: '一起读书', inviteCode, joinPolicy })
}

/** A member counted in the community, with no rules acknowledged yet. */
export async function addMember(
  db: Db,
  communityId: string,
  openid: string,
  role: string,
  joinedAt: Date,
  nickname = openid,
): Promise<void> {
  await fixtures.addMember(asSdk(db), communityId, openid, {
    role,
    joinedAt,
    nickname,
    rulesAckVersion: 0,
    counted: true,
  })
}

export function count(db: Db, collection: string, where: object): Promise<number> {
  return fixtures.countWhere(asSdk(db), collection, where)
}

export function getDoc<T>(db: Db, collection: string, id: string): Promise<T | null> {
  return fixtures.getDoc<T>(asSdk(db), collection, id)
}
