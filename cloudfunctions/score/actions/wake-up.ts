import { accessFor } from '../../core/rights'
import { scoreInputs, type WakeUpResult } from '../../core/contracts/score'
import { messageThing } from '../../core/notify'
import { canWakeUp } from '../../core/value-score'
import { getDocOrNull, inTransaction, txGetOrNull } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import { sendSubscribeMessage } from '../../runtime/notify'
import type { ScoredMember } from '../score-view'

const OUTCOMES = { sent: '已发送', 'not-subscribed': '未订阅，无法发送', failed: '发送失败' } as const

/**
 * 私聊唤醒: a subscribe message inviting a silent member back. The 30-day slot is taken in a
 * transaction (so two admins at once send one message), the message goes out after it, and the
 * audit row records the outcome. A message that could not be sent gives the slot back.
 */
export default memberAction({
  input: scoreInputs.wakeUp,
  access: accessFor('tiers'),
  async run(ctx, input): Promise<WakeUpResult> {
    const { db, membership, now, caller } = ctx
    const community = membership.community
    if (!input.memberId.startsWith(`${community._id}_`)) return fail('NOT_FOUND')
    const target = await getDocOrNull<ScoredMember>(db, 'members', input.memberId)
    if (!target || target.communityId !== community._id) return fail('NOT_FOUND')
    if (!target.silent) return fail('NOT_SILENT')
    // One audit row per attempt (a retried transaction reuses the same instant, so the same row).
    const auditId = `${community._id}:${target.openid}:${now.getTime()}`
    const previous = await inTransaction(db, async (tx) => {
      const fresh = await txGetOrNull<ScoredMember>(tx, 'members', input.memberId)
      if (!fresh) return fail('NOT_FOUND')
      const last = fresh.lastWakeUpAt ? new Date(fresh.lastWakeUpAt) : null
      if (!canWakeUp(last, now)) return fail('WAKE_UP_TOO_SOON')
      await tx
        .collection('members')
        .doc(input.memberId)
        .update({ data: { lastWakeUpAt: now } })
      await tx
        .collection('wake_ups')
        .doc(auditId)
        .set({
          data: {
            communityId: community._id,
            openid: target.openid,
            nickname: target.nickname,
            by: caller.openid,
            byNickname: membership.member.nickname,
            outcome: 'pending',
            createdAt: now,
          },
        })
      return last
    })
    const sent = await sendSubscribeMessage({
      openid: target.openid,
      template: 'wakeUp',
      data: {
        thing1: messageThing(`${community.name}想你了`),
        thing2: messageThing('回来打个卡，看看大家的新动态'),
      },
      page: 'packages/standing/score/index',
    })
    const outcome = OUTCOMES[sent.sent ? 'sent' : sent.reason]
    await db
      .collection('wake_ups')
      .doc(auditId)
      .update({ data: { outcome, sent: sent.sent } })
    if (!sent.sent)
      await db
        .collection('members')
        .doc(input.memberId)
        .update({ data: { lastWakeUpAt: previous } })
    return { sent: sent.sent, outcome }
  },
})
