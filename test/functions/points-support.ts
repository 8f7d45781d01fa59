/** Shared setup for the points and levels function tests: two communities and their members. */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { Level } from '../../cloudfunctions/core/levels'
import type { Role } from '../../cloudfunctions/core/roles'
import { databaseOf, sdkFor, type RunningCloud, type SdkDatabase } from '../support/local-cloud'

export function data<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.data
}

export function errorCode(result: ActionResult<unknown>): string | null {
  return result.ok ? null : result.error.code
}

export function dbOf(cloud: RunningCloud): SdkDatabase {
  return databaseOf(sdkFor(cloud))
}

export async function addCommunity(db: SdkDatabase, id: string, name: string): Promise<void> {
  await db
    .collection('communities')
    .doc(id)
    .set({
      data: {
        name,
        slogan: '',
        inviteCode: id.toUpperCase().padEnd(6, 'X').slice(0, 6),
        joinPolicy: 'open',
        memberCount: 0,
        createdAt: new Date('2026-01-01T00:00:00Z'),
      },
    })
}

export interface MemberSetup {
  role?: Role
  level?: Level
  balance?: number
  totalEarned?: number
  joinedAt?: Date
  levelSince?: Date
  lastVisitAt?: Date
  nickname?: string
}

export async function addMember(
  db: SdkDatabase,
  communityId: string,
  openid: string,
  setup: MemberSetup = {},
): Promise<string> {
  const id = `${communityId}_${openid}`
  const joinedAt = setup.joinedAt ?? new Date('2026-01-01T00:00:00Z')
  const doc: Record<string, unknown> = {
    communityId,
    openid,
    nickname: setup.nickname ?? openid,
    role: setup.role ?? 'member',
    level: setup.level ?? 'newcomer',
    balance: setup.balance ?? 0,
    totalEarned: setup.totalEarned ?? 0,
    joinedAt,
    via: 'seed',
  }
  if (setup.levelSince) doc.levelSince = setup.levelSince
  if (setup.lastVisitAt) doc.lastVisitAt = setup.lastVisitAt
  await db.collection('members').doc(id).set({ data: doc })
  await db
    .collection('users')
    .doc(openid)
    .set({ data: { currentCommunityId: communityId, updatedAt: joinedAt } })
  return id
}

export async function memberDoc(db: SdkDatabase, id: string): Promise<Record<string, unknown>> {
  const res = (await db.collection('members').doc(id).get()) as unknown as { data: Record<string, unknown> }
  return res.data
}

export async function countWhere(db: SdkDatabase, collection: string, where: object): Promise<number> {
  return ((await db.collection(collection).where(where).count()) as { total: number }).total
}
