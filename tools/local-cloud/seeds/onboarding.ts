/**
 * Demo onboarding for 晨光读书会: a handbook, short and full rules in their second version (most
 * members acknowledged it), the entry quiz and questionnaire (the community stays open), a few
 * self-introductions, a community word list, two pending join requests and one held introduction.
 */
import { memberId } from '../../../cloudfunctions/core/community'
import { heldId } from '../../../cloudfunctions/core/moderation'
import { joinRequestExpiresAt, rulesAckId, rulesVersionId } from '../../../cloudfunctions/core/onboarding'
import { DAY_MS } from '../../../cloudfunctions/core/time'
import { PERSONAS } from '../demo'
import type { SeedContext } from './context'

const DAY = DAY_MS

const SECTIONS = [
  {
    title: '欢迎来到晨光读书会',
    body: '我们是一群想把阅读变成习惯的普通人。每天读一点，哪怕只有十页，一年下来也是二三十本书。在这里，你不需要读得快，只需要读得久。',
  },
  {
    title: '我们每天做什么',
    body: '早上 7 点群里会发「今日一句」；读完后在小程序里打卡，写一两句收获（选填），就能获得积分。连续打卡有惊喜，漏了一天可以用补签卡。',
  },
  {
    title: '每月共读与线下活动',
    body: '每月第一周投票选出共读书目，月底周六晚上 8 点线上分享会。核心成员可以报名每季度一次的线下读书沙龙（上海 / 杭州轮流）。',
  },
  {
    title: '积分可以做什么',
    body: '积分可以在积分商城兑换书签、帆布袋和新书，每月积分榜前三名还有主理人准备的神秘礼物。积分只看你的参与，不看你读得多快。',
  },
]

const SHORT_RULES_V1 = '友善交流，不发广告，每天打卡分享所读。'
const FULL_RULES_V1 =
  '1. 友善交流，尊重不同观点。\n2. 不发广告、不拉票、不发无关链接。\n3. 每天打卡分享所读，鼓励原创感悟。\n违反以上规则，管理员会先私聊提醒，多次违反将移出社群。'
const SHORT_RULES =
  '友善交流、不发广告；打卡写真实感悟；分享书摘请注明出处。晚 11 点到早 7 点请勿刷屏，让大家安心休息。'
const FULL_RULES = `一、友善交流：尊重不同观点，讨论书不讨论人，不进行人身攻击。
二、不发广告：禁止微商、代购、拉票、返现和无关链接；想推荐好物请先私聊管理员。
三、真实打卡：打卡日记写自己的真实感悟，抄书请注明出处，不刷卡不代打。
四、安静时段：晚 11 点到早 7 点请勿刷屏，分享会当晚除外。
五、共读约定：报名共读后请尽量读完，读不完也欢迎来分享会听一听。
六、提醒与处理：首次违反由管理员私聊提醒，第二次警告并扣除积分，第三次移出社群。
群规每次更新都会请大家重新确认，谢谢每一位守护晨光的你。`

const INTROS: [number, string][] = [
  [
    4,
    '大家好，我是做产品经理的，最近在读《置身事内》，希望每天通勤路上读二十页，也想认识更多爱读经济学的朋友。',
  ],
  [7, '我是一名高中语文老师，喜欢汪曾祺和沈从文，想在这里坚持每天读一点，也欢迎大家推荐适合学生的书。'],
  [11, '新手报到！刚毕业在杭州做设计，今年的目标是读完 24 本书，请大家多多监督～'],
  [15, '宝妈一枚，孩子睡了才有时间看书，在群里看到大家的打卡很受鼓舞，我也来啦。'],
]

export async function seedOnboarding(ctx: SeedContext): Promise<string> {
  const { db, now } = ctx
  const community = ctx.communities[0]
  const cid = community.id
  const owner = PERSONAS.find((p) => p.role === 'owner')?.openid ?? 'demo-owner'
  const v1At = new Date(now.getTime() - 90 * DAY)
  const v2At = new Date(now.getTime() - 10 * DAY)

  await db
    .collection('onboarding_settings')
    .doc(cid)
    .set({
      data: {
        communityId: cid,
        sections: SECTIONS,
        shortRules: SHORT_RULES,
        fullRules: FULL_RULES,
        rulesVersion: 2,
        rulesPublishedAt: v2At,
        quiz: {
          questions: [
            {
              id: 'q1',
              text: '每天打卡截止到几点？',
              options: ['晚上 10 点', '晚上 12 点', '第二天早上'],
              answer: 1,
            },
            {
              id: 'q2',
              text: '想在群里推荐好物，应该怎么做？',
              options: ['直接发链接', '先私聊管理员'],
              answer: 1,
            },
            {
              id: 'q3',
              text: '每月的线上分享会在什么时候？',
              options: ['月底周六晚 8 点', '每周一早上'],
              answer: 0,
            },
          ],
          passMark: 60,
          cooldownMinutes: 10,
        },
        questionnaire: [
          {
            id: 'job',
            text: '你的职业',
            options: ['学生', '上班族', '自由职业', '全职家长', '退休'],
            multiple: false,
          },
          {
            id: 'genre',
            text: '你爱读哪类书',
            options: ['小说', '历史', '心理学', '商业', '科普', '诗歌'],
            multiple: true,
          },
          {
            id: 'habit',
            text: '你通常什么时候读书',
            options: ['早起', '通勤路上', '午休', '睡前'],
            multiple: false,
          },
        ],
        updatedAt: v2At,
      },
    })

  // Most members acknowledged v2; the newest tenth have not yet. Personas acknowledged.
  const byJoin = [...community.members].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime())
  const notYet = new Set(byJoin.slice(-Math.ceil(byJoin.length * 0.12)).map((m) => m.openid))
  for (const p of PERSONAS) notYet.delete(p.openid)
  const acked = community.members.filter((m) => !notYet.has(m.openid))
  const ackedV1 = community.members.filter((m) => m.joinedAt < v2At)
  await db
    .collection('rules_versions')
    .doc(rulesVersionId(cid, 1))
    .set({
      data: {
        communityId: cid,
        version: 1,
        shortRules: SHORT_RULES_V1,
        fullRules: FULL_RULES_V1,
        publishedAt: v1At,
        publishedBy: owner,
        ackCount: ackedV1.length,
      },
    })
  await db
    .collection('rules_versions')
    .doc(rulesVersionId(cid, 2))
    .set({
      data: {
        communityId: cid,
        version: 2,
        shortRules: SHORT_RULES,
        fullRules: FULL_RULES,
        publishedAt: v2At,
        publishedBy: owner,
        ackCount: acked.length,
      },
    })
  const batch = async <T>(items: T[], work: (item: T) => Promise<unknown>) => {
    for (let i = 0; i < items.length; i += 40) await Promise.all(items.slice(i, i + 40).map(work))
  }
  await batch(community.members, async (m) => {
    const isAcked = !notYet.has(m.openid)
    const ackedAt = new Date(Math.max(v2At.getTime(), m.joinedAt.getTime()) + 3600_000)
    await db
      .collection('members')
      .doc(memberId(cid, m.openid))
      .update({ data: { rulesAckVersion: isAcked ? 2 : m.joinedAt < v2At ? 1 : 0 } })
    if (isAcked)
      await db
        .collection('rules_acks')
        .doc(rulesAckId(cid, 2, m.openid))
        .set({ data: { communityId: cid, version: 2, openid: m.openid, ackedAt } })
    await db
      .collection('member_onboarding')
      .doc(memberId(cid, m.openid))
      .set({
        data: {
          communityId: cid,
          openid: m.openid,
          handbookReadAt: new Date(m.joinedAt.getTime() + 600_000),
          ...(isAcked || m.joinedAt < v2At ? { rulesAckedAt: ackedAt } : {}),
        },
      })
  })

  // Introductions others can see.
  for (const [index, text] of INTROS) {
    const m = community.members[index]
    if (!m) continue
    const at = new Date(m.joinedAt.getTime() + 2 * 3600_000)
    await db
      .collection('intros')
      .doc(memberId(cid, m.openid))
      .set({
        data: {
          communityId: cid,
          openid: m.openid,
          nickname: m.nickname,
          text,
          status: 'visible',
          createdAt: at,
          updatedAt: at,
        },
      })
  }

  // One introduction waiting for an admin (the platform flagged 微商).
  const heldMember = byJoin[byJoin.length - 1]
  const heldText = '大家好，我平时做点微商，主要是爱看书，想和大家交流读书心得。'
  const heldAt = new Date(now.getTime() - 3 * 3600_000)
  await db
    .collection('intros')
    .doc(memberId(cid, heldMember.openid))
    .set({
      data: {
        communityId: cid,
        openid: heldMember.openid,
        nickname: heldMember.nickname,
        text: heldText,
        status: 'held',
        createdAt: heldAt,
        updatedAt: heldAt,
      },
    })
  await db
    .collection('held_content')
    .doc(heldId(cid, 'intros', memberId(cid, heldMember.openid)))
    .set({
      data: {
        communityId: cid,
        kind: 'intro',
        collection: 'intros',
        docId: memberId(cid, heldMember.openid),
        statusField: 'status',
        openid: heldMember.openid,
        text: heldText,
        status: 'held',
        heldBy: 'platform',
        reward: null,
        createdAt: heldAt,
      },
    })

  await db
    .collection('word_lists')
    .doc(cid)
    .set({
      data: {
        communityId: cid,
        words: [
          { word: '拉人头', verdict: 'risky' },
          { word: '团购', verdict: 'review' },
        ],
        updatedAt: v2At,
        updatedBy: owner,
      },
    })

  // Two people waiting to be let in.
  const applicants = [
    { openid: 'demo-applicant-1', nickname: '沈知秋', hoursAgo: 20, tags: ['上班族', '历史'] },
    { openid: 'demo-applicant-2', nickname: '阿远', hoursAgo: 3, tags: ['学生', '小说', '科普'] },
  ]
  for (const a of applicants) {
    const createdAt = new Date(now.getTime() - a.hoursAgo * 3600_000)
    await db
      .collection('join_requests')
      .doc(memberId(cid, a.openid))
      .set({
        data: {
          communityId: cid,
          openid: a.openid,
          nickname: a.nickname,
          tags: a.tags,
          via: 'invite',
          status: 'pending',
          createdAt,
          expiresAt: joinRequestExpiresAt(createdAt),
        },
      })
  }

  return `onboarding: handbook ${SECTIONS.length} sections, rules v2 acknowledged by ${acked.length}/${community.members.length}, ${applicants.length} join requests, 1 held intro`
}
