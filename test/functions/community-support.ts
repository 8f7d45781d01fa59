/** Shared setup for the onboarding and moderation function tests. */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import { sdkFor, type RunningCloud } from '../support/local-cloud'

export type Db = ReturnType<ReturnType<typeof sdkFor>['database']>

export function data<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.data
}

export function caller(cloud: RunningCloud) {
  return <T>(fn: string, event: Record<string, unknown>, openid: string) =>
    cloud.call<ActionResult<T>>(fn, event, openid)
}

export async function addCommunity(
  db: Db,
  id: string,
  inviteCode: string,
  joinPolicy: 'open' | 'review' | 'quiz' = 'open',
): Promise<void> {
  await db
    .collection('communities')
    .doc(id)
    .set({
      data: {
        name: `社群${id}`,
        slogan: '一起读书',
        inviteCode,
        joinPolicy,
        memberCount: 0,
        createdAt: new Date(),
      },
    })
}

export async function addMember(
  db: Db,
  communityId: string,
  openid: string,
  role: string,
  joinedAt: Date,
  nickname = openid,
): Promise<void> {
  await db
    .collection('members')
    .doc(`${communityId}_${openid}`)
    .set({
      data: {
        communityId,
        openid,
        nickname,
        role,
        level: 'newcomer',
        balance: 0,
        totalEarned: 0,
        joinedAt,
        via: 'seed',
        rulesAckVersion: 0,
      },
    })
  await db
    .collection('users')
    .doc(openid)
    .set({ data: { currentCommunityId: communityId, updatedAt: joinedAt } })
  const _ = db.command
  await db
    .collection('communities')
    .doc(communityId)
    .update({ data: { memberCount: _.inc(1) } })
}

export async function count(db: Db, collection: string, where: object): Promise<number> {
  return ((await db.collection(collection).where(where).count()) as { total: number }).total
}

export async function getDoc<T>(db: Db, collection: string, id: string): Promise<T | null> {
  const res = (await db.collection(collection).where({ _id: id }).get()) as unknown as { data: T[] }
  return res.data[0] ?? null
}
