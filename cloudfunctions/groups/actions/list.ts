import { groupsInputs, type GroupList } from '../../core/contracts/groups'
import { accessFor } from '../../core/rights'
import { findMany } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { groupView, memberCounts, type GroupDoc } from '../views'

/** A community's groups, each with its current member count and whether it is near full. Two requests. */
export default memberAction({
  input: groupsInputs.list,
  access: accessFor('groups'),
  async run(ctx): Promise<GroupList> {
    const { db, membership } = ctx
    const communityId = membership.community._id
    const [docs, counts] = await Promise.all([
      findMany<GroupDoc>(db.collection('groups').where({ communityId }).limit(100)),
      memberCounts(db, communityId),
    ])
    const groups = docs
      .map((d) => groupView(d, counts.byGroup.get(d._id) ?? 0))
      .sort((a, b) => (a.boundAt ?? '').localeCompare(b.boundAt ?? '') || a.name.localeCompare(b.name))
    // Members of a group unbound since count as without one.
    const listed = new Set(docs.map((d) => d._id))
    let withoutGroup = counts.withoutGroup
    for (const [id, n] of counts.byGroup) if (!listed.has(id)) withoutGroup += n
    return { groups, withoutGroup }
  },
})
