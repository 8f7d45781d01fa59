/** Setup shared by the check-in function tests: communities and members written through the SDK. */
import type { Role } from '../../cloudfunctions/core/roles'
import { addCommunity, addMember } from '../support/fixtures'
import type { SdkDatabase } from '../support/local-cloud'

export { data } from '../support/fixtures'

export function seedCommunity(db: SdkDatabase, id: string, memberCount: number): Promise<void> {
  return addCommunity(db, id, {
    inviteCode: `INV${id.toUpperCase().replace(/[^A-Z]/g, '')}`.slice(0, 6).padEnd(6, 'X'),
    memberCount,
  })
}

export async function seedMember(
  db: SdkDatabase,
  communityId: string,
  openid: string,
  options: { role?: Role; joinedAt?: Date; makeupCards?: number } = {},
): Promise<void> {
  await addMember(db, communityId, openid, {
    role: options.role,
    joinedAt: options.joinedAt,
    nickname: `昵称${openid.slice(-3)}`,
    makeupCards: options.makeupCards ?? 0,
    via: 'invite',
  })
}
