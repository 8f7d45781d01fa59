import { memberInputs, type MyCommunities } from '../../core/contracts/member'
import { LEVEL_NAMES } from '../../core/levels'
import { ROLE_NAMES } from '../../core/roles'
import { anyoneAction } from '../../runtime/handler'
import { isActiveMember, membershipsOf } from '../memberships'

/** Every community the caller belongs to, newest first, with their role and level: the switcher's list. */
export default anyoneAction({
  input: memberInputs.myCommunities,
  async run(ctx): Promise<MyCommunities> {
    const current = ctx.membership?.community._id ?? null
    const rows = await membershipsOf(ctx.db, ctx.caller.openid)
    return {
      items: rows
        .filter((r) => r.community && isActiveMember(r.member))
        .map(({ member, community }) => ({
          id: community!._id,
          name: community!.name,
          slogan: community!.slogan,
          role: member.role,
          roleName: ROLE_NAMES[member.role],
          level: member.level,
          levelName: LEVEL_NAMES[member.level],
          nickname: member.nickname,
          current: community!._id === current,
        })),
    }
  },
})
