import { dashboardInputs, type Badges, type BadgeKey } from '../../core/contracts/dashboard'
import { canSeeDashboard, isStaff } from '../../core/rights'
import { memberAction } from '../../runtime/handler'
import { EVERY_MEMBER } from '../../core/roles'
import { visibleBadges } from '../badges'

/** The pending-work counts the caller's role may act on, in parallel count queries. */
export default memberAction({
  input: dashboardInputs.badges,
  access: EVERY_MEMBER,
  async run(ctx): Promise<Badges> {
    const { db, membership, now } = ctx
    const { member, community } = membership
    if (!isStaff(member.role)) return { counts: {}, total: 0, dashboard: false }
    const sources = visibleBadges(member.role, member.staffTitle)
    const totals = await Promise.all(
      sources.map(async (s) => {
        try {
          const res = (await db
            .collection(s.collection)
            .where(s.where(db, community._id, now))
            .count()) as {
            total: number
          }
          return res.total
        } catch (err) {
          // A feature not built yet (its collection missing) has nothing pending.
          if (/not exist/i.test(String((err as Error).message ?? err))) return 0
          throw err
        }
      }),
    )
    const counts = Object.fromEntries(sources.map((s, i) => [s.key, totals[i]])) as Partial<
      Record<BadgeKey, number>
    >
    return {
      counts,
      total: totals.reduce((a, b) => a + b, 0),
      dashboard: canSeeDashboard(member.role, member.staffTitle),
    }
  },
})
