/**
 * Demo check-ins: about 30 days of history in 晨光读书会 (streaks, notes in the feed with likes,
 * a running 21-day challenge) and a little in 周末跑团. Check-ins are written WITHOUT points: the
 * members' balances already come from the seeded ledger ("历史积分迁入"), so the ledger and the
 * balances stay in step; check-ins from now on pay through the ledger as usual.
 * 小雨 (demo-member) has a 3-day streak up to yesterday, one missed day within the make-up window
 * and one make-up card, and has not checked in today: the home page shows the daily loop.
 */
import {
  challengeEndDay,
  challengeMemberId,
  challengeProgress,
  checkinId,
  likeId,
} from '../../../cloudfunctions/core/checkin'
import { memberId } from '../../../cloudfunctions/core/community'
import { addDays, shanghaiDayKey, shanghaiDayStart } from '../../../cloudfunctions/core/time'
import { inBatches, type SeedContext, type SeedMember } from './context'
import { wentQuiet } from './score'

const HISTORY_DAYS = 30

const NOTES = [
  '今天读完了《活着》的最后一章，福贵的一生让人久久不能平静。',
  '早起读书半小时，状态很好，继续保持！',
  '《人类简史》第三章：农业革命是史上最大的骗局？很有意思的观点。',
  '今天只读了 10 页，但总比没读好，明天加油。',
  '和孩子一起读绘本，发现自己也被治愈了。',
  '通勤路上听完了一本书的音频，推荐《被讨厌的勇气》。',
  '摘抄：世界上只有一种英雄主义，就是看清生活的真相之后依然热爱生活。',
  '第一次连续打卡超过一周，给自己点个赞。',
  '今天读书会的话题很有启发，谢谢大家的分享。',
  '读《百年孤独》读到第五代，人名终于理清楚了😂',
  '晚上读了一会儿诗，心很静。',
  '今天把上个月买的书整理了一下，书单越来越长了。',
]

const RUN_NOTES = ['晨跑 5 公里，配速 6 分整。', '周末长距离 15 公里完成！', '今天下雨，在家做了拉伸。']

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface SeedCheckin {
  id: string
  openid: string
  nickname: string
  day: string
  note: string
  createdAt: Date
  likes: string[]
}

/** Which days a member checked in: habits from "every day" to "now and then", never before joining. */
function historyOf(member: SeedMember, today: string, rnd: () => number, habit: number): string[] {
  const joined = shanghaiDayKey(member.joinedAt)
  const days: string[] = []
  let day = addDays(today, -HISTORY_DAYS)
  // A streak-keeper misses rarely; a casual member comes and goes.
  while (day <= today) {
    if (day >= joined && rnd() < habit) days.push(day)
    day = addDays(day, 1)
  }
  return days
}

export async function seedCheckins(ctx: SeedContext): Promise<string> {
  const { db, now } = ctx
  const today = shanghaiDayKey(now)
  const rnd = random(20261122)
  let total = 0
  let notes = 0
  let likes = 0

  for (const [index, community] of ctx.communities.entries()) {
    const reading = index === 0
    const pool = reading ? NOTES : RUN_NOTES
    // Members who went quiet months ago (seeds/score.ts) have no recent check-ins.
    const active = community.members.filter(
      (m, i) => (i < 4 || rnd() < (reading ? 0.45 : 0.5)) && !wentQuiet(m, now),
    )
    const all: SeedCheckin[] = []
    const daysByMember = new Map<string, string[]>()
    for (const m of active) {
      let days: string[]
      if (m.openid === 'demo-member') {
        // 12 days ago … 5 days ago, missed 4 days ago, then 3 days up to yesterday.
        days = [
          ...Array.from({ length: 8 }, (_, i) => addDays(today, -12 + i)),
          ...[-3, -2, -1].map((n) => addDays(today, n)),
        ]
      } else {
        const habit = rnd() < 0.3 ? 0.95 : rnd() < 0.6 ? 0.7 : 0.35
        days = historyOf(m, today, rnd, habit)
        // Personas other than the member check in later themselves.
        if (m.openid.startsWith('demo-') && !m.openid.startsWith('demo-m-'))
          days = days.filter((d) => d < today)
      }
      daysByMember.set(m.openid, days)
      for (const day of days) {
        const start = shanghaiDayStart(day).getTime()
        let at = start + (6 + rnd() * 17) * 3600_000
        if (at >= now.getTime()) at = Math.max(start, now.getTime() - (1 + rnd() * 30) * 60_000)
        const note = rnd() < 0.25 ? pool[Math.floor(rnd() * pool.length)] : ''
        all.push({
          id: checkinId(community.id, m.openid, day),
          openid: m.openid,
          nickname: m.nickname,
          day,
          note,
          createdAt: new Date(at),
          likes: [],
        })
      }
    }
    // Likes from other active members on notes.
    for (const c of all) {
      if (!c.note) continue
      notes++
      const n = Math.floor(rnd() * 6)
      for (let i = 0; i < n; i++) {
        const fan = active[Math.floor(rnd() * active.length)]
        if (fan.openid !== c.openid && !c.likes.includes(fan.openid)) c.likes.push(fan.openid)
      }
      likes += c.likes.length
    }
    total += all.length

    await inBatches(all, 50, async (c) => {
      await db
        .collection('checkins')
        .doc(c.id)
        .set({
          data: {
            communityId: community.id,
            openid: c.openid,
            nickname: c.nickname,
            dayKey: c.day,
            madeUp: false,
            note: c.note,
            noteStatus: c.note ? 'visible' : 'none',
            photos: [],
            likes: c.likes.length,
            points: 0,
            createdAt: c.createdAt,
          },
        })
      for (const fan of c.likes)
        await db
          .collection('checkin_likes')
          .doc(likeId(c.id, fan))
          .set({ data: { communityId: community.id, checkinId: c.id, openid: fan, createdAt: c.createdAt } })
    })

    // A 21-day challenge that started 10 days ago, joined on its first day by a third of the active.
    const challenge = reading
      ? {
          id: `${community.id}:ch:seed-21`,
          title: '21 天晨读挑战',
          days: 21,
          startDay: addDays(today, -10),
          reward: 100,
        }
      : null
    const joiners = challenge
      ? active.filter(
          (m) =>
            m.openid === 'demo-member' ||
            (shanghaiDayKey(m.joinedAt) <= challenge.startDay && rnd() < 0.35 && m.openid !== 'demo-admin'),
        )
      : []
    if (challenge) {
      const endDay = challengeEndDay(challenge.startDay, challenge.days)
      await db
        .collection('challenges')
        .doc(challenge.id)
        .set({
          data: {
            communityId: community.id,
            title: challenge.title,
            days: challenge.days,
            startDay: challenge.startDay,
            endDay,
            reward: challenge.reward,
            createdBy: 'demo-owner',
            createdAt: shanghaiDayStart(addDays(challenge.startDay, -2)),
          },
        })
      await inBatches(joiners, 40, async (m) => {
        const window = { startDay: challenge.startDay, endDay }
        const days = daysByMember.get(m.openid) ?? []
        const counted = days.filter((d) => d >= challenge.startDay && d <= endDay)
        await db
          .collection('challenge_members')
          .doc(challengeMemberId(challenge.id, m.openid))
          .set({
            data: {
              communityId: community.id,
              challengeId: challenge.id,
              openid: m.openid,
              joinDay: challenge.startDay,
              joinedAt: shanghaiDayStart(challenge.startDay),
              progress: challengeProgress(days, window, challenge.startDay),
              status: 'active',
              lastDay: counted.length ? counted[counted.length - 1] : null,
              completedAt: null,
              title: challenge.title,
              days: challenge.days,
              startDay: challenge.startDay,
              endDay,
              reward: challenge.reward,
            },
          })
      })
    }

    // Which challenges a new day may still advance (the runs, streaks and totals of the member's
    // check-in state follow from the check-ins in refreshDerived).
    await inBatches(joiners, 40, async (m) => {
      await db
        .collection('members')
        .doc(memberId(community.id, m.openid))
        .update({ data: { 'checkinState.activeChallenges': [challenge!.id] } })
    })
  }
  // 小雨 holds one make-up card for the missed day.
  await db
    .collection('members')
    .doc(memberId(ctx.communities[0].id, 'demo-member'))
    .update({ data: { makeupCards: 1 } })
  return `${total} check-ins (no points: balances come from the seeded ledger), ${notes} notes, ${likes} likes, 1 challenge`
}
