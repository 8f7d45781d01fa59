/**
 * Demo data for a first start: two communities, their groups, and a couple of hundred members with
 * roles, levels and points history, so that a newcomer sees a living product. Deterministic, so
 * every fresh machine shows the same community. Later features add their own parts here.
 */
import { memberId } from '../../cloudfunctions/core/community'
import { nameGrams } from '../../cloudfunctions/core/nickname'
import { HISTORY_IMPORT_SOURCE } from '../../cloudfunctions/core/points'
import { DAY_MS } from '../../cloudfunctions/core/time'
import type { Role } from '../../cloudfunctions/core/roles'
import { newPublicId } from '../../cloudfunctions/runtime/public-id'
import { adminDatabase } from './admin-sdk'
import { DEMO_COMMUNITY, DEMO_GROUPS, PERSONAS, SECOND_COMMUNITY } from './demo'
import type { LocalCloud } from './server'
import { seedCheckins } from './seeds/checkins'
import { seedPoints } from './seeds/points'
import { seedRank } from './seeds/rank'
import { seedOnboarding } from './seeds/onboarding'
import { seedMall } from './seeds/mall'
import { seedSurveys } from './seeds/survey'
import { seedScore } from './seeds/score'
import { seedSanctions } from './seeds/sanctions'
import { seedActivities } from './seeds/activities'
import { seedSignups } from './seeds/signups'
import { seedSop } from './seeds/sop'
import { seedSquare } from './seeds/square'
import { seedMetrics } from './seeds/metrics'
import {
  inBatches,
  refreshDerived,
  writeLedger,
  type SeedContext,
  type SeedDatabase,
  type SeedMember,
} from './seeds/context'

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = [
  '晓',
  '雨',
  '子',
  '一',
  '思',
  '梓',
  '欣',
  '浩',
  '宇',
  '佳',
  '嘉',
  '诗',
  '明',
  '安',
  '若',
  '书',
  '可',
  '乐',
  '清',
  '悦',
  '南',
  '北',
  '知',
  '远',
  '星',
  '辰',
  '木',
  '禾',
  '言',
  '默',
]
const HANDLES = [
  '爱读书的猫',
  '早起的鸟',
  '慢慢来',
  '书虫一枚',
  '阿木木',
  '小橙子',
  '半夏',
  '远方',
  '晴天',
  '青柠',
  '今天也要加油',
  '山川',
  '栗子',
  '豆豆',
  '月亮不睡',
  '一只鲸',
]

/** A small deterministic generator (mulberry32), so the demo looks the same everywhere. */
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

function generateMembers(count: number, prefix: string, seed: number, now: Date): SeedMember[] {
  const rnd = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]
  return Array.from({ length: count }, (_, i) => {
    const nickname =
      rnd() < 0.3
        ? `${pick(HANDLES)}${i % 7 === 0 ? '' : Math.floor(rnd() * 90 + 10)}`
        : `${pick([...SURNAMES])}${pick(GIVEN)}${rnd() < 0.5 ? pick(GIVEN) : ''}`
    // Most members are newcomers, some advanced, a few core: a long tail like real communities.
    const totalEarned = Math.round(Math.min(4200, -Math.log(1 - rnd() * 0.995) * 420) / 5) * 5
    const spent = rnd() < 0.35 ? Math.round((totalEarned * rnd() * 0.6) / 10) * 10 : 0
    const daysAgo = Math.floor(rnd() * 120) + 1
    return {
      openid: `${prefix}-${String(i + 1).padStart(3, '0')}`,
      nickname,
      role: i < 3 ? 'volunteer' : 'member',
      totalEarned,
      spent,
      joinedAt: new Date(now.getTime() - daysAgo * DAY_MS - Math.floor(rnd() * DAY_MS)),
    }
  })
}

/**
 * Which of the community's demo groups each member sits in, as `joinByGroup` would have recorded it:
 * the personas in the first, the others spread over all of them in turn, and every tenth joined by
 * invite code, in no group (the groups page counts them apart).
 */
function groupsFor(communityId: string, members: SeedMember[]): Map<string, string> {
  const groups = DEMO_GROUPS.filter((g) => g.communityId === communityId).map((g) => g._id)
  const personas = new Set(PERSONAS.map((p) => p.openid))
  const placed = new Map<string, string>()
  members.forEach((m, i) => {
    if (personas.has(m.openid)) placed.set(m.openid, groups[0])
    else if (i % 10 !== 9) placed.set(m.openid, groups[i % groups.length])
  })
  return placed
}

/** Features add their demo data here, in order; each returns a short summary. */
const FEATURE_SEEDS: ((ctx: SeedContext) => Promise<string>)[] = [
  seedCheckins,
  seedPoints,
  seedRank,
  // After the points and leaderboard seeds, whose valued posts it gathers likes and replies around.
  seedSquare,
  seedOnboarding,
  seedMall,
  seedSurveys,
  seedScore,
  seedSanctions,
  seedActivities,
  // After the activities seed (t12-publish): sign-ups and check-ins of the activities it wrote.
  seedSignups,
  // After seeds/activities and seeds/signups (issue 12): closes past steps and writes their reviews.
  seedSop,
  // Last (issue 14): the dashboard's daily figures count the rows every seed before wrote.
  seedMetrics,
]

/** Seeds that read balances or levels the seeds before them changed. */
const READS_POINTS = new Set<(ctx: SeedContext) => Promise<string>>([seedMall])

/** Seed the env if it has no community yet; returns a one-line summary, or null if it had data. */
export async function seedDemoIfEmpty(cloud: LocalCloud): Promise<string | null> {
  const db = adminDatabase(`${cloud.url}/admin`, cloud.envId)
  const existing = (await db.collection('communities').count()) as { total: number }
  if (existing.total > 0) return null
  const now = cloud.clock.now()

  const demoMembers: SeedMember[] = [
    ...PERSONAS.map((p, i) => ({
      openid: p.openid,
      nickname: p.nickname,
      role: p.role,
      totalEarned: p.totalEarned,
      spent: Math.round(p.totalEarned * 0.2),
      joinedAt: new Date(now.getTime() - (150 - i * 20) * DAY_MS),
    })),
    ...generateMembers(196, 'demo-m', 20261122, now),
  ]
  const runMembers = generateMembers(24, 'run-m', 7, now).map((m, i) =>
    i === 0 ? { ...m, role: 'owner' as Role } : m,
  )

  const communities = [
    { ...DEMO_COMMUNITY, members: demoMembers },
    { ...SECOND_COMMUNITY, members: runMembers },
  ]
  for (const { members, _id, ...community } of communities) {
    await db
      .collection('communities')
      .doc(_id)
      .set({
        data: {
          ...community,
          joinPolicy: 'open',
          memberCount: members.length,
          createdAt: new Date(now.getTime() - 180 * DAY_MS),
        },
      })
    const groupOf = groupsFor(_id, members)
    await inBatches(members, 40, async (m) => {
      const id = memberId(_id, m.openid)
      const groupId = groupOf.get(m.openid)
      await db
        .collection('members')
        .doc(id)
        .set({
          data: {
            communityId: _id,
            openid: m.openid,
            publicId: newPublicId(),
            nickname: m.nickname,
            nameGrams: nameGrams(m.nickname),
            role: m.role,
            // Level, balance, total and the boards' fields follow from the ledger (refreshDerived).
            level: 'newcomer',
            balance: 0,
            totalEarned: 0,
            joinedAt: m.joinedAt,
            via: 'seed',
            ...(groupId ? { groupId } : {}),
          },
        })
      // The points history: one opening row brought in from before, and the spending if any.
      await writeLedger(db, [
        {
          communityId: _id,
          openid: m.openid,
          source: HISTORY_IMPORT_SOURCE,
          kind: 'earn',
          delta: m.totalEarned,
          reason: '历史积分迁入',
          at: m.joinedAt,
        },
        ...(m.spent > 0
          ? [
              {
                communityId: _id,
                openid: m.openid,
                source: 'seed-spent',
                kind: 'spend' as const,
                delta: -m.spent,
                reason: '历史兑换',
                // Halfway through their membership: after the opening row, before any recent activity.
                at: new Date((m.joinedAt.getTime() + now.getTime()) / 2),
              },
            ]
          : []),
      ])
      await db
        .collection('users')
        .doc(m.openid)
        .set({ data: { currentCommunityId: _id, updatedAt: m.joinedAt } })
    })
  }
  for (const { _id, ...group } of DEMO_GROUPS) await db.collection('groups').doc(_id).set({ data: group })
  const ctx: SeedContext = {
    db,
    now,
    communities: communities.map((c) => ({ id: c._id, name: c.name, members: c.members })),
  }
  const summaries = [
    `${communities.length} communities, ${DEMO_GROUPS.length} groups, ${demoMembers.length + runMembers.length} members`,
  ]
  // Balances and levels from the opening rows; a seed that reads them after earlier seeds paid
  // (the mall's) gets them refreshed first; the score seed refreshes for its counters itself.
  await refreshDerived(ctx)
  for (const seed of FEATURE_SEEDS) {
    if (READS_POINTS.has(seed)) await refreshDerived(ctx)
    summaries.push(await seed(ctx))
  }
  await refreshDerived(ctx)
  summaries.push(await threadBalances(db, ctx.communities))
  return summaries.join('; ')
}

interface SeededRow {
  _id: string
  openid: string
  delta: number
  balanceAfter: number
  createdAt: Date
}

/**
 * Each feature's seed writes its ledger rows with the balance it found, not in time order. Thread every
 * member's `balanceAfter` through their history in the order 积分明细 lists it (createdAt, then _id),
 * so the column reads as a running balance; the sums, and so the balances, do not change.
 */
async function threadBalances(db: SeedDatabase, communities: SeedContext['communities']): Promise<string> {
  const fixes: { id: string; balanceAfter: number }[] = []
  for (const community of communities) {
    const rows: SeededRow[] = []
    for (;;) {
      const page = (
        (await db
          .collection('ledger')
          .where({ communityId: community.id })
          .orderBy('createdAt', 'asc')
          .orderBy('_id', 'asc')
          .skip(rows.length)
          .limit(1000)
          .field({ openid: true, delta: true, balanceAfter: true, createdAt: true })
          .get()) as unknown as { data: SeededRow[] }
      ).data
      rows.push(...page)
      if (page.length < 1000) break
    }
    const balances = new Map<string, number>()
    for (const row of rows) {
      const balance = (balances.get(row.openid) ?? 0) + row.delta
      balances.set(row.openid, balance)
      if (row.balanceAfter !== balance) fixes.push({ id: row._id, balanceAfter: balance })
    }
  }
  await inBatches(fixes, 40, async (fix) => {
    await db
      .collection('ledger')
      .doc(fix.id)
      .update({ data: { balanceAfter: fix.balanceAfter } })
  })
  return `ledger balances threaded in time order (${fixes.length} rows)`
}
