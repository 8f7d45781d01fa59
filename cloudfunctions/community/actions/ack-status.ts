import { accessFor } from '../../core/rights'
import { communityInputs, type AckStatus } from '../../core/contracts/community'
import { notAcknowledgedCount, rulesVersionId } from '../../core/onboarding'
import { findMany, getDocOrNull } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { loadSettings, type OnboardingMember, type RulesVersionDoc } from '../../runtime/onboarding'
import { nextCursor, pageOf } from '../../runtime/paging'

/**
 * Who has not acknowledged the current rules (paged, newest members first) and how many. The count
 * comes from the version's ack counter, so it never scans the community.
 */
export default memberAction({
  input: communityInputs.ackStatus,
  access: accessFor('rules'),
  async run(ctx, input): Promise<AckStatus> {
    const { community } = ctx.membership
    const cid = community._id
    const settings = await loadSettings(ctx.db, cid)
    const version = settings.rulesVersion
    const { offset, limit } = pageOf(input)
    if (version === 0)
      return {
        version: 0,
        memberCount: community.memberCount,
        ackCount: 0,
        notAcknowledged: 0,
        items: [],
        nextCursor: null,
      }
    const _ = ctx.db.command
    const [doc, rows] = await Promise.all([
      getDocOrNull<RulesVersionDoc>(ctx.db, 'rules_versions', rulesVersionId(cid, version)),
      findMany<OnboardingMember>(
        ctx.db
          .collection('members')
          .where({ communityId: cid, rulesAckVersion: _.neq(version) })
          .orderBy('joinedAt', 'desc')
          .skip(offset)
          .limit(limit),
      ),
    ])
    const ackCount = doc?.ackCount ?? 0
    return {
      version,
      memberCount: community.memberCount,
      ackCount,
      notAcknowledged: notAcknowledgedCount(community.memberCount, ackCount),
      items: rows.map((m) => ({
        openid: m.openid,
        nickname: m.nickname,
        joinedAt: new Date(m.joinedAt).toISOString(),
      })),
      nextCursor: nextCursor(offset, limit, rows.length),
    }
  },
})
