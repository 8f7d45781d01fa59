/**
 * The violations ladder in the demo community (SPEC §9): a member muted at step 3 (with steps 1 and 2
 * before it), a member whose warning is under appeal, and a removed member whose removal task waits
 * for a human admin. Rows have the shapes the `sanctions` function writes (cloudfunctions/sanctions).
 */
import { memberId } from '../../../cloudfunctions/core/community'
import {
  muteEndsAt,
  violationExpiresAt,
  DEFAULT_EXPIRY_DAYS,
  type LadderStep,
} from '../../../cloudfunctions/core/sanctions'
import { DAY_MS } from '../../../cloudfunctions/core/time'
import { DEMO_COMMUNITY, PERSONAS } from '../demo'
import type { SeedContext, SeedMember } from './context'

const REASONS = ['在群里发广告链接', '刷屏发重复内容', '再次发布广告']

export async function seedSanctions(ctx: SeedContext): Promise<string> {
  const { db, now } = ctx
  const community = ctx.communities.find((c) => c.id === DEMO_COMMUNITY._id)
  if (!community) return 'no sanctions'
  const cid = community.id
  const personas = new Set(PERSONAS.map((p) => p.openid))
  const admin = community.members.find((m) => m.role === 'admin') ?? community.members[0]
  const plain = community.members.filter((m) => m.role === 'member' && !personas.has(m.openid)).slice(-3)
  if (plain.length < 3) return 'no sanctions'
  const [muted, appealing, removed] = plain

  const write = async (m: SeedMember, n: number, step: LadderStep, at: Date, extra: object = {}) => {
    await db
      .collection('violations')
      .doc(`${memberId(cid, m.openid)}#${n}`)
      .set({
        data: {
          communityId: cid,
          memberId: memberId(cid, m.openid),
          openid: m.openid,
          nickname: m.nickname,
          step,
          reason: REASONS[(step - 1) % REASONS.length],
          evidence: { text: '群聊截图已存档' },
          by: admin.openid,
          createdAt: at,
          expiresAt: violationExpiresAt(at, DEFAULT_EXPIRY_DAYS),
          ...extra,
        },
      })
  }
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS)

  // Muted: warned, named, then muted two hours ago for 24 hours.
  const mutedAt = new Date(now.getTime() - 2 * 3_600_000)
  await write(muted, 1, 1, ago(20))
  await write(muted, 2, 2, ago(10))
  await write(muted, 3, 3, mutedAt, { mutedUntil: muteEndsAt(mutedAt) })
  await db
    .collection('members')
    .doc(memberId(cid, muted.openid))
    .update({ data: { mutedUntil: muteEndsAt(mutedAt) } })

  // A warning under appeal.
  await write(appealing, 1, 1, ago(3), {
    appealPending: true,
    appeal: { text: '那条链接是活动报名表，不是广告，请管理员再看看', at: ago(2) },
  })

  // Removed at step 4 (skipped for a serious case); the WeChat group removal is still to do.
  const endedAt = ago(1)
  await write(removed, 1, 4, endedAt)
  await db
    .collection('members')
    .doc(memberId(cid, removed.openid))
    .update({
      data: { status: 'removed', endedAt, role: 'member', ranked: false, tier: null, silent: false },
    })
  await db
    .collection('communities')
    .doc(cid)
    .update({ data: { memberCount: db.command.inc(-1) } })
  await db
    .collection('removal_tasks')
    .doc(`${memberId(cid, removed.openid)}:${endedAt.getTime()}`)
    .set({
      data: {
        communityId: cid,
        memberId: memberId(cid, removed.openid),
        openid: removed.openid,
        nickname: removed.nickname,
        reason: '多次骚扰其他成员',
        status: 'open',
        createdAt: endedAt,
        createdBy: admin.openid,
      },
    })
  return `sanctions: ${muted.nickname} muted, ${appealing.nickname} appealing, ${removed.nickname} removed (task open)`
}
