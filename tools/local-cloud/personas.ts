import { ROLE_NAMES } from '../../cloudfunctions/core/roles'
import { memberId } from '../../cloudfunctions/core/community'
import { adminDatabase } from './admin-sdk'
import { DEMO_COMMUNITY, DEMO_GROUPS, PERSONAS, SECOND_COMMUNITY } from './demo'

const COMMUNITY_NAMES: Record<string, string> = {
  [DEMO_COMMUNITY._id]: DEMO_COMMUNITY.name,
  [SECOND_COMMUNITY._id]: SECOND_COMMUNITY.name,
}

/** GET /_local/personas: who the dev login can be, as the database has them now. */
export async function listPersonas(adminUrl: string, envId: string) {
  const db = adminDatabase(adminUrl, envId)
  const personas = await Promise.all(
    PERSONAS.map(async (p) => {
      const res = (await db
        .collection('members')
        .where({ _id: memberId(DEMO_COMMUNITY._id, p.openid) })
        .get()) as unknown as { data: { nickname: string; role: keyof typeof ROLE_NAMES }[] }
      const doc = res.data[0]
      const role = doc?.role ?? p.role
      return {
        openid: p.openid,
        nickname: doc?.nickname ?? p.nickname,
        role,
        roleName: ROLE_NAMES[role],
        communityName: DEMO_COMMUNITY.name,
      }
    }),
  )
  const groups = DEMO_GROUPS.map((g) => ({
    openGId: g.openGId,
    name: g.name,
    communityName: COMMUNITY_NAMES[g.communityId],
  }))
  return { personas, groups }
}
