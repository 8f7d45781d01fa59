/**
 * Erasing one membership on the member's request (SPEC §10). Personal data goes: check-ins and their
 * notes, the intro, onboarding and rules acknowledgements, held texts, challenge parts, activity and
 * scores, level history, invite ref, join request, quiz attempt, violations; named survey answers
 * lose their name and their text. What keeps the balances true stays, under a random anonymous id
 * (core/erasure erasedId) that nothing links back: the ledger rows, the member document (nickname
 * 已注销成员, left, off the boards), orders (without their delivery address), likes given (others'
 * counts), audit rows. Every id or field that held the openid is rewritten with the anonymous id, so `npm run verify:ledger` and the
 * rebuild check stay clean.
 *
 * Not one transaction (a member's rows may be thousands): the anonymous id is written on the old
 * member document first, so a retry after a failure continues with the same id.
 */
import { randomBytes } from 'node:crypto'
import { memberId } from '../core/community'
import type { Delivery } from '../core/delivery'
import { ERASED_NICKNAME, erasedDelivery, erasedId } from '../core/erasure'
import { nameGrams } from '../core/nickname'
import type { Database } from '../runtime/cloud'
import { findMany } from '../runtime/db'
import type { MemberDoc } from '../runtime/membership'

type Doc = { _id: string } & Record<string, unknown>

/** The member fields kept on the anonymous document: what the ledger, the boards and others' counts need. */
const KEPT_FIELDS = [
  'communityId',
  'level',
  'levelSince',
  'balance',
  'totalEarned',
  'joinedAt',
  'via',
  'invitedBy',
  'weekKey',
  'weekEarned',
  'monthKey',
  'monthEarned',
  'prevMonthKey',
  'prevMonthEarned',
] as const

const PAGE = 100

/** Every string in `value` with the openid swapped for the anonymous id. */
function swapped<T>(value: T, openid: string, anon: string): T {
  return JSON.parse(JSON.stringify(value).split(openid).join(anon), (_k, v: unknown) =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v) ? new Date(v) : v,
  ) as T
}

/** Move the docs `where` finds to new ids (openid swapped everywhere), applying `change`. */
async function rekey(
  db: Database,
  collection: string,
  where: object,
  openid: string,
  anon: string,
  change: (doc: Doc) => Doc = (d) => d,
): Promise<number> {
  let moved = 0
  for (;;) {
    const page = await findMany<Doc>(db.collection(collection).where(where).limit(PAGE))
    if (!page.length) return moved
    await Promise.all(
      page.map((doc) => {
        const { _id, ...fields } = change(swapped(doc, openid, anon))
        return db.collection(collection).doc(_id).set({ data: fields })
      }),
    )
    const _ = db.command
    await db
      .collection(collection)
      .where({ _id: _.in(page.map((d) => d._id)) })
      .remove()
    moved += page.length
  }
}

const scrubName = (nickname: string) => (text: unknown) =>
  typeof text === 'string' && nickname.length > 1 ? text.split(nickname).join(ERASED_NICKNAME) : text

/** Erase one membership; returns how many ledger rows now carry the anonymous id. */
export async function eraseMembership(db: Database, member: MemberDoc & { erasingTo?: string }, now: Date) {
  const _ = db.command
  const { communityId: cid, openid, nickname } = member
  const anon = member.erasingTo ?? erasedId(randomBytes(12).toString('hex'))
  const oldId = memberId(cid, openid)
  if (!member.erasingTo)
    await db
      .collection('members')
      .doc(oldId)
      .update({ data: { erasingTo: anon } })
  const kept = Object.fromEntries(
    KEPT_FIELDS.filter((k) => k in member).map((k) => [k, member[k as keyof MemberDoc]]),
  )
  await db
    .collection('members')
    .doc(memberId(cid, anon))
    .set({
      data: {
        ...kept,
        openid: anon,
        nickname: ERASED_NICKNAME,
        nameGrams: nameGrams(ERASED_NICKNAME),
        role: 'member',
        status: 'left',
        endedAt: now,
        erasedAt: now,
        ranked: false,
        // Check-ins are erased, so no streak is left (nor check-in state: not a kept field).
        streak: 0,
        streakDay: null,
      },
    })
  const scrub = scrubName(nickname)
  const mine = { communityId: cid, openid }
  // The ledger: own rows, and the inviter's row that names this member in its source and reason.
  const ledgerRows = await rekey(db, 'ledger', mine, openid, anon, (d) => ({ ...d, reason: scrub(d.reason) }))
  await rekey(db, 'ledger', { communityId: cid, source: `invite:${openid}` }, openid, anon, (d) => ({
    ...d,
    reason: scrub(d.reason),
  }))
  await db
    .collection('ledger')
    .where({ communityId: cid, by: openid })
    .update({ data: { by: anon } })
  await rekey(db, 'mall_orders', mine, openid, anon, (d) => ({
    ...d,
    nickname: ERASED_NICKNAME,
    delivery: erasedDelivery(d.delivery as Delivery | null | undefined),
  }))
  await rekey(db, 'checkin_likes', mine, openid, anon)
  await db
    .collection('audit')
    .where({ communityId: cid, target: oldId })
    .update({ data: { target: memberId(cid, anon), targetNickname: ERASED_NICKNAME } })
  await db
    .collection('audit')
    .where({ communityId: cid, by: openid })
    .update({ data: { by: anon, byNickname: ERASED_NICKNAME } })
  // Check-ins go, with the likes others gave them (which count only for their author).
  for (;;) {
    const page = await findMany<Doc>(db.collection('checkins').where(mine).limit(PAGE))
    if (!page.length) break
    const ids = page.map((d) => d._id)
    await db
      .collection('checkin_likes')
      .where({ checkinId: _.in(ids) })
      .remove()
    await db
      .collection('checkins')
      .where({ _id: _.in(ids) })
      .remove()
  }
  const own = `${cid}_${openid}`
  await Promise.all([
    ...['held_content', 'challenge_members', 'member_activity', 'value_scores', 'rules_acks', 'level_changes']
      .concat(['invite_refs', 'wake_ups'])
      .map((c) => db.collection(c).where(mine).remove()),
    ...['intros', 'member_onboarding', 'join_requests', 'quiz_attempts'].map((c) =>
      db.collection(c).where({ _id: own }).remove(),
    ),
    db.collection('violations').where({ memberId: own }).remove(),
  ])
  // Others invited by this member keep their membership; the pointer to a person who is gone goes.
  await db
    .collection('members')
    .where({ communityId: cid, invitedBy: openid })
    .update({ data: { invitedBy: _.remove() } })
  await db.collection('members').doc(oldId).remove()
  return ledgerRows
}

/** Named survey answers: no name, no openid, no text; choices stay counted. Returns how many. */
export async function eraseAnswers(db: Database, openid: string): Promise<number> {
  const _ = db.command
  const responses = await findMany<Doc>(db.collection('survey_responses').where({ openid }).limit(1000))
  for (const r of responses) {
    const answers = Object.fromEntries(
      Object.entries((r.answers as Record<string, unknown>) ?? {}).map(([q, v]) => [
        q,
        typeof v === 'string' ? '' : v,
      ]),
    )
    await db
      .collection('survey_responses')
      .doc(r._id)
      .update({ data: { openid: null, nickname: null, answers: _.set(answers) } })
  }
  if (responses.length)
    await db
      .collection('survey_texts')
      .where({ responseId: _.in(responses.map((r) => r._id)) })
      .remove()
  return responses.length
}
