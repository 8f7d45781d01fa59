import { scoreInputs, type MemberScoreView } from '../../core/contracts/score'
import { EVERY_MEMBER } from '../../core/roles'
import { action, type MemberActionContext } from '../../runtime/handler'
import { memberScoreView, type ScoredMember } from '../shared'

/** The caller's own value score with each dimension's part and one suggestion. */
export default action({
  input: scoreInputs.myScore,
  access: EVERY_MEMBER,
  run(ctx): Promise<MemberScoreView> {
    const { db, membership, now } = ctx as MemberActionContext
    return memberScoreView(db, membership.member as ScoredMember, now)
  },
})
