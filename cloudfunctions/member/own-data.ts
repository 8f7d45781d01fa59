/**
 * Everything the product holds about one person (SPEC §10), gathered for `myData`: the reads, and
 * each section as a table with Chinese headers (the page shows them and exports each as CSV).
 */
import type { MyDataSection } from '../core/contracts/member'
import { joinRequestState, JOIN_REQUEST_STATE_NAMES } from '../core/onboarding'
import { LEVEL_NAMES } from '../core/levels'
import { deliveryLines, shipmentText } from '../core/delivery'
import { orderRoute, orderStatusName } from '../core/mall'
import { LEDGER_KIND_NAMES } from '../core/points'
import { ROLE_NAMES } from '../core/roles'
import { isChoice, type AnswerValue, type SurveyQuestion } from '../core/survey'
import { shanghaiDateTimeText } from '../core/time'
import type { Database } from '../runtime/cloud'
import { findMany } from '../runtime/db'
import type { LedgerRow } from '../runtime/ledger'
import type { CommunityDoc, MemberDoc } from '../runtime/membership'
import type { IntroDoc } from '../runtime/onboarding'
import type { ResponseDoc, SurveyDoc } from '../runtime/surveys'
import type { OrderDoc } from './../mall/items-and-orders'
import type { JoinRequestDoc } from './join'

/** Rows read per section; the page says when a section has more. */
export const SECTION_LIMIT = 1000

const time = (at: Date | string | null | undefined) => (at ? shanghaiDateTimeText(new Date(at)) : '')

/** What the violations collection holds (written by the sanctions function). */
interface ViolationDoc {
  communityId: string
  memberId: string
  step: number
  reason: string
  createdAt: Date
  expiresAt?: Date
  appeal?: { text: string; at: Date; decision?: string } | null
}

type Membership = { member: MemberDoc & { tags?: string[] }; community: CommunityDoc | null }

const STATUS_NAMES = { active: '成员', left: '已退出', removed: '已被移出' } as const
const INTRO_STATUS_NAMES = { visible: '已公开', held: '审核中', rejected: '未通过' } as const

function answerText(question: SurveyQuestion | undefined, value: AnswerValue): string {
  if (!question) return String(value)
  if (isChoice(question.type)) {
    const picked = Array.isArray(value) ? value : [value as number]
    return picked.map((i) => question.options[i] ?? `选项${i + 1}`).join('、')
  }
  return String(value)
}

export async function gatherOwnData(
  db: Database,
  openid: string,
  memberships: Membership[],
  now: Date,
): Promise<MyDataSection[]> {
  const _ = db.command
  const cids = memberships.map((m) => m.member.communityId)
  const names = new Map(memberships.map((m) => [m.member.communityId, m.community?.name ?? '已解散的社群']))
  const name = (cid: string) => names.get(cid) ?? cid
  const mine = cids.length ? { communityId: _.in(cids), openid } : null
  const none = Promise.resolve([])
  const [ledger, orders, checkins, responses, intros, requests, violations] = await Promise.all([
    mine
      ? findMany<LedgerRow>(
          db.collection('ledger').where(mine).orderBy('createdAt', 'desc').limit(SECTION_LIMIT),
        )
      : none,
    mine
      ? findMany<OrderDoc>(
          db.collection('mall_orders').where(mine).orderBy('createdAt', 'desc').limit(SECTION_LIMIT),
        )
      : none,
    mine
      ? findMany<{ communityId: string; dayKey: string; note?: string; madeUp?: boolean; createdAt: Date }>(
          db.collection('checkins').where(mine).orderBy('dayKey', 'desc').limit(SECTION_LIMIT),
        )
      : none,
    findMany<ResponseDoc>(db.collection('survey_responses').where({ openid }).limit(SECTION_LIMIT)),
    cids.length
      ? findMany<IntroDoc>(db.collection('intros').where({ _id: _.in(cids.map((c) => `${c}_${openid}`)) }))
      : none,
    findMany<JoinRequestDoc>(db.collection('join_requests').where({ openid }).limit(SECTION_LIMIT)),
    cids.length
      ? findMany<ViolationDoc>(
          db
            .collection('violations')
            .where({ memberId: _.in(cids.map((c) => `${c}_${openid}`)) })
            .limit(SECTION_LIMIT),
        )
      : none,
  ])
  const surveyIds = [...new Set(responses.map((r) => r.surveyId))]
  const surveys = surveyIds.length
    ? await findMany<SurveyDoc>(
        db
          .collection('surveys')
          .where({ _id: _.in(surveyIds) })
          .limit(surveyIds.length),
      )
    : []
  const surveyOf = new Map(surveys.map((s) => [s._id, s]))

  return [
    {
      key: 'profile',
      title: '个人资料',
      header: [
        '社群',
        '昵称',
        '头像文件',
        '角色',
        '等级',
        '积分余额',
        '累计获得',
        '标签',
        '加入时间',
        '状态',
      ],
      rows: memberships.map(({ member: m }) => [
        name(m.communityId),
        m.nickname,
        m.avatarFileId ?? '',
        ROLE_NAMES[m.role],
        LEVEL_NAMES[m.level],
        m.balance,
        m.totalEarned,
        (m.tags ?? []).join('、'),
        time(m.joinedAt),
        STATUS_NAMES[m.status ?? 'active'],
      ]),
    },
    {
      key: 'ledger',
      title: '积分明细',
      header: ['社群', '时间', '类型', '变动', '余额', '说明'],
      rows: ledger.map((r) => [
        name(r.communityId),
        time(r.createdAt),
        LEDGER_KIND_NAMES[r.kind] ?? r.kind,
        r.delta,
        r.balanceAfter,
        r.reason,
      ]),
    },
    {
      key: 'orders',
      title: '兑换记录',
      header: ['社群', '下单时间', '商品', '积分', '状态', '收货信息', '快递', '发放说明'],
      rows: orders.map((o) => [
        name(o.communityId),
        time(o.createdAt),
        o.itemName,
        o.price,
        orderStatusName(o.status, orderRoute(o.delivery)),
        o.delivery ? deliveryLines(o.delivery).join(' ') : '',
        o.shipment ? shipmentText(o.shipment) : '',
        o.note ?? '',
      ]),
    },
    {
      key: 'checkins',
      title: '打卡记录',
      header: ['社群', '日期', '打卡时间', '补签', '日记'],
      rows: checkins.map((c) => [
        name(c.communityId),
        c.dayKey,
        time(c.createdAt),
        c.madeUp ? '是' : '',
        c.note ?? '',
      ]),
    },
    {
      key: 'answers',
      title: '问卷回答',
      header: ['社群', '问卷', '提交时间', '回答'],
      rows: responses.map((r) => {
        const survey = surveyOf.get(r.surveyId)
        const questions = new Map((survey?.questions ?? []).map((q) => [q.id, q]))
        const answers = Object.entries(r.answers ?? {}).map(
          ([qid, value]) => `${questions.get(qid)?.title ?? qid}：${answerText(questions.get(qid), value)}`,
        )
        return [
          name(r.communityId),
          survey?.title ?? '已删除的问卷',
          time(r.updatedAt ?? r.createdAt),
          answers.join('；'),
        ]
      }),
      note: '匿名问卷不记录答题人，你在匿名问卷里的回答无法与你对应，所以不在这里，也无法由你删除。',
    },
    {
      key: 'intros',
      title: '自我介绍',
      header: ['社群', '内容', '状态', '更新时间'],
      rows: intros.map((i) => [name(i.communityId), i.text, INTRO_STATUS_NAMES[i.status], time(i.updatedAt)]),
    },
    {
      key: 'joinRequests',
      title: '入群申请',
      header: ['社群', '申请时间', '状态'],
      rows: requests.map((r) => [
        name(r.communityId),
        time(r.createdAt),
        JOIN_REQUEST_STATE_NAMES[joinRequestState(r.status, new Date(r.expiresAt), now)],
      ]),
    },
    {
      key: 'violations',
      title: '违规记录',
      header: ['社群', '时间', '级别', '原因', '到期时间', '申诉'],
      rows: violations.map((v) => [
        name(v.communityId),
        time(v.createdAt),
        `第 ${v.step} 级`,
        v.reason,
        time(v.expiresAt),
        v.appeal ? `${v.appeal.text}${v.appeal.decision ? `（${v.appeal.decision}）` : '（待处理）'}` : '',
      ]),
    },
  ]
}
