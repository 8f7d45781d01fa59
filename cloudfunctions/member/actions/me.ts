import { memberInputs, type JoinGate, type MeResult } from '../../core/contracts/member'
import { type ActionContext, anyoneAction } from '../../runtime/handler'
import { findOne, getDocOrNull } from '../../runtime/db'
import type { CommunityDoc } from '../../runtime/membership'
import { loadSettings, policyOf } from '../../runtime/onboarding'
import { quizGate, reviewGate, type JoinRequestDoc, type QuizAttemptDoc } from '../join'
import { communitySummary, memberProfile } from '../profile'

/** For someone in no community: their latest join request (审核中 / 已过期) or open quiz gate. */
async function pendingJoin(ctx: ActionContext): Promise<JoinGate | null> {
  const { db, caller, now } = ctx
  const [request, attempt] = await Promise.all([
    findOne<Omit<JoinRequestDoc, '_id'>>(
      db.collection('join_requests').where({ openid: caller.openid }).orderBy('createdAt', 'desc'),
    ),
    findOne<Omit<QuizAttemptDoc, '_id'>>(
      db.collection('quiz_attempts').where({ openid: caller.openid }).orderBy('createdAt', 'desc'),
    ),
  ])
  const latest =
    request && (!attempt || new Date(request.createdAt) >= new Date(attempt.createdAt))
      ? { kind: 'review' as const, doc: request }
      : attempt && !attempt.passed
        ? { kind: 'quiz' as const, doc: attempt }
        : null
  if (!latest) return null
  const community = await getDocOrNull<CommunityDoc>(db, 'communities', latest.doc.communityId)
  if (!community || policyOf(community) !== latest.kind) return null
  const settings = await loadSettings(db, community._id)
  return latest.kind === 'review'
    ? reviewGate(community, settings, latest.doc as JoinRequestDoc, now)
    : quizGate(community, settings, latest.doc as QuizAttemptDoc, now)
}

export default anyoneAction({
  input: memberInputs.me,
  async run(ctx): Promise<MeResult> {
    const { membership } = ctx
    if (!membership) {
      const gate = await pendingJoin(ctx)
      return gate ? { community: null, member: null, pendingJoin: gate } : { community: null, member: null }
    }
    return {
      community: communitySummary(membership.community, membership.member),
      member: memberProfile(membership.member),
    }
  },
})
