/**
 * Demo sign-ups and attendance for the demo community's activities (run after the activities seed):
 * coming ones have sign-ups (one full, with a waitlist); past ones have check-ins that paid their
 * points through ledger rows (source `activity:<id>`, never to the creator), so the rebuild derives
 * member_activity.activities from them and `npm run verify:ledger` finds nothing. Rows are shaped as
 * the `signups` function writes them. The personas are left off, so their demo balances and levels
 * hold and the demo can sign 小雨 up.
 */
import type { ActivityDoc, SignupDoc } from '../../../cloudfunctions/core/activities'
import { memberId } from '../../../cloudfunctions/core/community'
import { DEFAULT_REWARD_CEILINGS, payableReward } from '../../../cloudfunctions/core/rewards'
import { ledgerReason } from '../../../cloudfunctions/core/points'
import { DAY_MS } from '../../../cloudfunctions/core/time'
import { PERSONAS } from '../demo'
import { writeLedger, inBatches, type SeedContext, type SeedPosting } from './context'

const HOUR = 3_600_000

function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export async function seedSignups(ctx: SeedContext): Promise<string> {
  const { db, now } = ctx
  const community = ctx.communities[0]!
  const find = async () =>
    (
      (await db
        .collection('activities')
        .where({ communityId: community.id })
        .limit(1000)
        .get()) as unknown as { data: ActivityDoc[] }
    ).data
  const activities = await find()
  const rnd = random(12)
  // The personas keep the balances and levels the demo and its tests are built on (seeds/demo PERSONAS).
  const personas = new Set(PERSONAS.map((p) => p.openid))
  const members = community.members.filter(
    (m) => m.joinedAt.getTime() < now.getTime() - 7 * DAY_MS && !personas.has(m.openid),
  )
  const postings: SeedPosting[] = []
  let signups = 0
  let attended = 0
  for (const [n, activity] of activities.entries()) {
    if (activity.stage !== 'published' && activity.stage !== 'finished') continue
    const start = new Date(activity.startAt)
    const past = start.getTime() < now.getTime()
    // Offline meet-ups and level-gated ones: only members who may sign up (core: 2,000 earned).
    const eligible = members.filter(
      (m) =>
        !(activity.kind === 'offline' || activity.minLevel === 'core') ||
        m.totalEarned >= 2000 ||
        m.role === 'owner',
    )
    const pool = eligible
    // The second coming activity fills up and has a waitlist; the rest fill 30–90%.
    const full = !past && n % 3 === 1 && activity.capacity !== null
    const cap = activity.capacity ?? pool.length
    const wanted = full
      ? Math.min(pool.length, cap + 3)
      : Math.floor(Math.min(cap, pool.length) * (0.3 + rnd() * 0.6))
    const chosen = [...pool].sort(() => rnd() - 0.5).slice(0, wanted)
    const signupsOpen = new Date(activity.publishedAt ?? activity.createdAt).getTime()
    const span = Math.max(
      HOUR,
      Math.min(now.getTime(), new Date(activity.signupDeadline).getTime()) - signupsOpen,
    )
    const rows: SignupDoc[] = chosen
      .map((m, i) => ({ m, at: new Date(signupsOpen + ((i + rnd()) / chosen.length) * span) }))
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map(({ m, at }, i) => {
        const state = activity.capacity === null || i < activity.capacity ? 'confirmed' : 'waitlisted'
        const came = past && state === 'confirmed' && rnd() < 0.75
        const { points } = payableReward({
          reward: activity.points,
          ceiling: DEFAULT_REWARD_CEILINGS.activity,
          createdBy: activity.createdBy,
          openid: m.openid,
          kind: 'activity',
        })
        const attendedAt = came ? new Date(start.getTime() + rnd() * 20 * 60_000) : null
        if (attendedAt && points > 0)
          postings.push({
            communityId: community.id,
            openid: m.openid,
            source: `activity:${activity._id}`,
            kind: 'earn',
            delta: points,
            reason: ledgerReason('activity', activity.title),
            at: attendedAt,
            rule: 'activity',
          })
        return {
          _id: `${activity._id}:${m.openid}`,
          communityId: community.id,
          activityId: activity._id,
          openid: m.openid,
          memberId: memberId(community.id, m.openid),
          nickname: m.nickname,
          state,
          seq: i + 1,
          subscribed: rnd() < 0.8,
          createdAt: at,
          promotedAt: null,
          cancelledAt: null,
          attendedAt,
          pointsPaid: attendedAt ? points : null,
          remindedAt: null,
        }
      })
    await inBatches(rows, 40, async ({ _id, ...data }) => {
      await db.collection('activity_signups').doc(_id).set({ data })
    })
    await db
      .collection('activities')
      .doc(activity._id)
      .update({
        data: {
          signupSeq: rows.length,
          confirmedCount: rows.filter((r) => r.state === 'confirmed').length,
          waitlistCount: rows.filter((r) => r.state === 'waitlisted').length,
          attendedCount: rows.filter((r) => r.attendedAt).length,
        },
      })
    signups += rows.length
    attended += rows.filter((r) => r.attendedAt).length
  }
  await writeLedger(db, postings)
  return `${signups} activity sign-ups, ${attended} check-ins`
}
