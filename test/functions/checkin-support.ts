/** Setup shared by the check-in function tests: communities and members written through the SDK. */
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { Role } from '../../cloudfunctions/core/roles'
import type { SdkDatabase } from '../support/local-cloud'

export function data<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.data
}

export async function seedCommunity(db: SdkDatabase, id: string, memberCount: number): Promise<void> {
  await db
    .collection('communities')
    .doc(id)
    .set({
      data: {
        name: `社群${id}`,
        slogan: '',
        inviteCode: `INV${id.toUpperCase().replace(/[^A-Z]/g, '')}`.slice(0, 6).padEnd(6, 'X'),
        joinPolicy: 'open',
        memberCount,
        createdAt: new Date('2026-01-01T00:00:00Z'),
      },
    })
}

export async function seedMember(
  db: SdkDatabase,
  communityId: string,
  openid: string,
  options: { role?: Role; joinedAt?: Date; makeupCards?: number } = {},
): Promise<void> {
  await db
    .collection('members')
    .doc(`${communityId}_${openid}`)
    .set({
      data: {
        communityId,
        openid,
        nickname: `昵称${openid.slice(-3)}`,
        role: options.role ?? 'member',
        level: 'newcomer',
        balance: 0,
        totalEarned: 0,
        makeupCards: options.makeupCards ?? 0,
        joinedAt: options.joinedAt ?? new Date('2026-01-01T00:00:00Z'),
        via: 'invite',
      },
    })
  await db
    .collection('users')
    .doc(openid)
    .set({ data: { currentCommunityId: communityId, updatedAt: new Date() } })
}
