import { setupInputs, type StaffEntry } from '../../core/contracts/setup'
import { accessFor } from '../../core/rights'
import { appointProblem, titleProblem } from '../../core/team'
import { inTransaction } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { loadRankSettings } from '../../runtime/leaderboard'
import { staffEntry } from '../community'
import { bumpTeamVersion, readTeamState, writeRole, type RoleChangeScene } from '../roles'

/**
 * Appoint or dismiss: the owner gives and takes the admin role; owner and admins give and take
 * organiser (with an optional title) and volunteer. Dismissing is appointing 'member'. Who may do
 * what is core/team#appointProblem, decided on the roles read inside the transaction.
 */
export default memberAction({
  input: setupInputs.appoint,
  access: accessFor('team'),
  async run(ctx, input): Promise<StaffEntry> {
    const { db, caller, now, membership } = ctx
    const communityId = membership.community._id
    const titleIssue = titleProblem(input.role, input.title)
    if (titleIssue) fail('INVALID_INPUT', titleIssue, { title: titleIssue })
    const { hideStaff } = await loadRankSettings(db, communityId)
    const title = input.role === 'organiser' ? (input.title ?? null) : null
    const after = await inTransaction(db, async (tx) => {
      const scene: RoleChangeScene = { tx, communityId, actorOpenid: caller.openid, now, hideStaff }
      const { community, actor, target } = await readTeamState(scene, input.memberId)
      const problem = appointProblem({
        actor: actor.role,
        from: target.role,
        to: input.role,
        self: target._id === actor._id,
      })
      if (problem) fail('FORBIDDEN', problem)
      if (target.role === input.role && (target.staffTitle ?? null) === title) return target
      const changed = await writeRole(scene, actor, target, input.role, title)
      await bumpTeamVersion(scene, community)
      return changed
    })
    return staffEntry(after, caller.openid)
  },
})
