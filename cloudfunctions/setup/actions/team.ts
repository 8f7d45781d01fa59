import { setupInputs, type TeamView } from '../../core/contracts/setup'
import { accessFor, can } from '../../core/rights'
import { ROLES } from '../../core/roles'
import { staffAdvisory } from '../../core/team'
import { findMany } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import type { MemberDoc } from '../../runtime/membership'
import { staffEntry } from '../community'

/** Staff are few; one query on the (communityId, role) index lists them all. */
const MAX_STAFF = 500
const STAFF_ROLES = ROLES.filter((r) => r !== 'member')

/** The team page: every staff member by role, with the 1-admin-per-100-members advisory. */
export default memberAction({
  input: setupInputs.team,
  access: accessFor('team'),
  async run(ctx): Promise<TeamView> {
    const { db, caller, membership } = ctx
    const _ = db.command
    const rows = await findMany<MemberDoc>(
      db
        .collection('members')
        .where({ communityId: membership.community._id, role: _.in(STAFF_ROLES) })
        .limit(MAX_STAFF),
    )
    const active = rows.filter((m) => !m.status || m.status === 'active')
    const rank = (m: MemberDoc) => ROLES.indexOf(m.role)
    active.sort((a, b) => rank(a) - rank(b) || a.nickname.localeCompare(b.nickname, 'zh'))
    const role = membership.member.role
    return {
      staff: active.map((m) => staffEntry(m, caller.openid)),
      advisory: staffAdvisory(
        membership.community.memberCount,
        active.filter((m) => m.role === 'admin').length,
      ),
      canAppointAdmins: role === 'owner',
      canTransfer: can(role, 'settings'),
    }
  },
})
