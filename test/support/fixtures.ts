import { createHash } from 'node:crypto'
/** Test data written through the real SDK, and readers for assertions: one home for every test file. */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { Level } from '../../cloudfunctions/core/levels'
import { nameGrams } from '../../cloudfunctions/core/nickname'
import type { Role } from '../../cloudfunctions/core/roles'
import type { SdkDatabase } from './local-cloud'

/** The data of a successful result; a failure fails the test with the error it carried. */
export function data<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.data
}

export function errorCode(result: ActionResult<unknown>): string | null {
  return result.ok ? null : result.error.code
}

export interface CommunitySetup {
  name?: string
  slogan?: string
  inviteCode?: string
  joinPolicy?: 'open' | 'review' | 'quiz'
  memberCount?: number
}

export async function addCommunity(db: SdkDatabase, id: string, setup: CommunitySetup = {}): Promise<void> {
  await db
    .collection('communities')
    .doc(id)
    .set({
      data: {
        name: setup.name ?? `社群${id}`,
        slogan: setup.slogan ?? '',
        inviteCode: setup.inviteCode ?? id.toUpperCase().padEnd(6, 'X').slice(0, 6),
        joinPolicy: setup.joinPolicy ?? 'open',
        memberCount: setup.memberCount ?? 0,
        createdAt: new Date('2026-01-01T00:00:00Z'),
      },
    })
}

export interface MemberSetup {
  role?: Role | string
  level?: Level
  balance?: number
  totalEarned?: number
  joinedAt?: Date
  nickname?: string
  via?: string
  /** Optional member fields, written only when given. */
  levelSince?: Date
  lastVisitAt?: Date
  makeupCards?: number
  rulesAckVersion?: number
  /** Also count them in the community's memberCount. */
  counted?: boolean
}

/** A member of `communityId` whose current community it is; returns the member id. */
/** A fixture member's public id (runtime/public-id.ts): fixed per openid, so a test can name a feed item. */
export function testPublicId(openid: string): string {
  return createHash('sha256').update(`public:${openid}`).digest('base64url').slice(0, 16)
}

/** A check-in as the feed names it (core/checkin feedItemId), for like and feature. */
export function feedItem(openid: string, day: string): string {
  return `${testPublicId(openid)}:${day}`
}

export async function addMember(
  db: SdkDatabase,
  communityId: string,
  openid: string,
  setup: MemberSetup = {},
): Promise<string> {
  const id = `${communityId}_${openid}`
  const joinedAt = setup.joinedAt ?? new Date('2026-01-01T00:00:00Z')
  const optional = Object.fromEntries(
    (['levelSince', 'lastVisitAt', 'makeupCards', 'rulesAckVersion'] as const)
      .filter((key) => setup[key] !== undefined)
      .map((key) => [key, setup[key]]),
  )
  await db
    .collection('members')
    .doc(id)
    .set({
      data: {
        communityId,
        openid,
        publicId: testPublicId(openid),
        nickname: setup.nickname ?? openid,
        nameGrams: nameGrams(setup.nickname ?? openid),
        role: setup.role ?? 'member',
        level: setup.level ?? 'newcomer',
        balance: setup.balance ?? 0,
        totalEarned: setup.totalEarned ?? 0,
        joinedAt,
        via: setup.via ?? 'seed',
        ...optional,
      },
    })
  await db
    .collection('users')
    .doc(openid)
    .set({ data: { currentCommunityId: communityId, updatedAt: joinedAt } })
  if (setup.counted) {
    await db
      .collection('communities')
      .doc(communityId)
      .update({ data: { memberCount: db.command.inc(1) } })
  }
  return id
}

export async function countWhere(db: SdkDatabase, collection: string, where: object): Promise<number> {
  return ((await db.collection(collection).where(where).count()) as { total: number }).total
}

export async function getDoc<T>(db: SdkDatabase, collection: string, id: string): Promise<T | null> {
  const res = (await db.collection(collection).where({ _id: id }).get()) as unknown as { data: T[] }
  return res.data[0] ?? null
}
