import { pointsInputs, type PointsSummary } from '../../core/contracts/points'
import {
  LEVELS,
  LEVEL_NAMES,
  LEVEL_RIGHTS,
  RIGHT_NAMES,
  levelProgress,
  requiredEarned,
  type Level,
} from '../../core/levels'
import { EVERY_MEMBER } from '../../core/roles'
import { findMany } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import type { PointsMember } from '../../runtime/ledger'
import { levelChangeView, type LevelChangeDoc } from '../level-changes'
import { recordVisit } from '../visit'

/** Level changes looked at for the celebration and the last explanation. */
const RECENT_CHANGES = 5

const rightsOf = (level: Level) => LEVEL_RIGHTS[level].map((key) => ({ key, name: RIGHT_NAMES[key] }))

export default memberAction({
  input: pointsInputs.summary,
  access: EVERY_MEMBER,
  async run(ctx): Promise<PointsSummary> {
    const { db } = ctx
    const member = ctx.membership.member as PointsMember
    const [changes] = await Promise.all([
      findMany<LevelChangeDoc>(
        db
          .collection('level_changes')
          .where({ communityId: member.communityId, openid: member.openid })
          .orderBy('createdAt', 'desc')
          .limit(RECENT_CHANGES),
      ),
      // Opening the app is a visit (demotion rules): at most one write a day.
      recordVisit(db, member, ctx.now),
    ])
    const celebration = changes.find((c) => c.kind === 'promote' && !c.seen && c.to === member.level) ?? null
    const progress = levelProgress(member.level, member.totalEarned, member.demotionFloor)
    return {
      balance: member.balance,
      totalEarned: member.totalEarned,
      level: member.level,
      levelName: LEVEL_NAMES[member.level],
      next:
        progress.next && progress.nextAt !== null
          ? {
              level: progress.next,
              name: LEVEL_NAMES[progress.next],
              at: progress.nextAt,
              toGo: progress.toGo,
            }
          : null,
      progress: progress.progress,
      rights: rightsOf(member.level),
      levels: LEVELS.map((level) => ({
        level,
        name: LEVEL_NAMES[level],
        threshold: requiredEarned(level, member.demotionFloor),
        rights: rightsOf(level),
      })),
      makeupCards: member.makeupCards ?? 0,
      // This very call is a visit, which ends a dormancy.
      dormant: false,
      celebration: celebration ? levelChangeView(celebration) : null,
      lastChange: changes[0] ? levelChangeView(changes[0]) : null,
    }
  },
})
