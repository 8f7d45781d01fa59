import { setupInputs, type SetupOutputs } from '../../core/contracts/setup'
import { accessFor } from '../../core/rights'
import { transferProblem } from '../../core/team'
import { inTransaction } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { loadRankSettings } from '../../runtime/leaderboard'
import { ownedIn, setOwned, staffEntry } from '../community'
import { bumpTeamVersion, readTeamState, writeRole, type RoleChangeScene } from '../roles'

/**
 * The owner hands the community to an admin and becomes an admin. Both roles, the community's
 * `ownerOpenid` and both people's owned lists change in one transaction, which re-reads the caller's
 * role: of two transfers racing, the second finds the caller no longer owner and is refused.
 */
export default memberAction({
  input: setupInputs.transferOwnership,
  access: accessFor('settings'),
  async run(ctx, input): Promise<SetupOutputs['transferOwnership']> {
    const { db, caller, now, membership } = ctx
    const communityId = membership.community._id
    const { hideStaff } = await loadRankSettings(db, communityId)
    const [owner, me] = await inTransaction(db, async (tx) => {
      const scene: RoleChangeScene = { tx, communityId, actorOpenid: caller.openid, now, hideStaff }
      const { community, actor, target } = await readTeamState(scene, input.memberId)
      if (actor.role !== 'owner') return fail('FORBIDDEN', '只有主理人可以转让社群')
      const theirs = await ownedIn(tx, target.openid)
      const problem = transferProblem({
        targetRole: target.role,
        self: target._id === actor._id,
        targetOwns: theirs.length,
      })
      if (problem) return fail('FORBIDDEN', problem)
      const mine = await ownedIn(tx, actor.openid)
      const newOwner = await writeRole(scene, actor, target, 'owner', null)
      const oldOwner = await writeRole(scene, actor, actor, 'admin', null)
      await bumpTeamVersion(scene, community, { ownerOpenid: target.openid })
      await setOwned(tx, target.openid, [...theirs.filter((id) => id !== communityId), communityId], now)
      await setOwned(
        tx,
        actor.openid,
        mine.filter((id) => id !== communityId),
        now,
      )
      return [newOwner, oldOwner] as const
    })
    return { owner: staffEntry(owner, caller.openid), me: staffEntry(me, caller.openid) }
  },
})
