import { scoreInputs, type MemberScoreView } from '../../core/contracts/score'
import { EVERY_MEMBER } from '../../core/roles'
import { memberAction } from '../../runtime/handler'
import { memberScoreView, type ScoredMember } from '../score-view'

/** The caller's own value score with each dimension's part and one suggestion. */
export default memberAction({
  input: scoreInputs.myScore,
  access: EVERY_MEMBER,
  run(ctx): Promise<MemberScoreView> {
    const { db, membership, now } = ctx
    return memberScoreView(db, membership.member as ScoredMember, now, 'self')
  },
})
