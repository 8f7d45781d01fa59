/**
 * The one screening path for every text anyone else sees (house rule 9), member's and staff's:
 * the community's own word list (collection `word_lists`, doc id = communityId, matched on
 * core/moderation.normaliseForMatch), then the platform's content-security API (runtime/content-check).
 *
 * Screening reads the network, so it runs before the transaction and writes nothing. A 'review'
 * verdict on member text is then held with `holdInTransaction`, in the same transaction that stores
 * the text, so the queue shows exactly what was stored; the held row carries the text's hash and an
 * approval publishes only the text whose hash the moderator saw (moderation/decide.ts).
 * Staff text is published at once, so `screenStaffText` refuses 'review' as well as 'risky'.
 */
import { createHash } from 'node:crypto'
import {
  heldId,
  matchCommunityWords,
  worseVerdict,
  type CommunityWord,
  type Verdict,
} from '../core/moderation'
import type { Database } from './cloud'
import { checkText } from './content-check'
import { readCommunitySettings } from './community-settings'
import { txGetOrNull, type Transaction } from './db'
import { fail } from './errors'

export { SCENE } from './content-check'

export interface ScreenInput {
  communityId: string
  openid: string
  text: string
  /** msgSecCheck scene (SCENE.profile for nicknames/intros, SCENE.socialLog for notes…). */
  scene: number
}

/** A screened text: the verdict and which check decided a 'review'. */
export interface Screened {
  verdict: Verdict
  heldBy: 'words' | 'platform' | 'reports'
}

export interface HeldReward {
  source: string
  delta: number
  reason: string
  rule: string
  dailyCap: number | null
}

/** Where a held text lives: approval updates that document's status field. */
export interface HoldTarget {
  communityId: string
  openid: string
  /** What the text is: 'intro', 'checkin_note'… (core/moderation HELD_KIND_NAMES). */
  kind: string
  collection: string
  docId: string
  /** The text exactly as stored in the document. */
  text: string
  /** The document's field that holds the text; default 'text'. */
  textField?: string
  /** The document's field that holds its visibility; default 'status'. */
  statusField?: string
  /**
   * Points to pay when an admin approves the held text (e.g. a checklist step that only pays for
   * shown text). Paid through the ledger with this source, so it still pays at most once.
   */
  reward?: HeldReward | null
  /** The document may already hold an earlier text (an intro rewritten): a clean one leaves the queue. */
  rewrite?: boolean
  /** A reported text: how many members reported it and their latest reasons, for the queue. */
  reports?: HeldReports
  now: Date
}

export interface HeldReports {
  count: number
  reasons: string[]
}

export interface WordListDoc {
  _id: string
  communityId: string
  words: CommunityWord[]
  updatedAt: Date
  updatedBy: string
}

export interface HeldContentDoc {
  _id: string
  communityId: string
  kind: string
  collection: string
  docId: string
  statusField: string
  /** Absent on rows written before issue 9: 'text'. */
  textField?: string
  openid: string
  text: string
  /** sha256 of `text`; absent on rows written before issue 9 (then computed from `text`). */
  textHash?: string
  status: 'held' | 'approved' | 'rejected'
  /** Which check held it: the community word list or the platform. */
  heldBy: 'words' | 'platform' | 'reports'
  reward: HeldReward | null
  /** Set on items the reports queued (heldBy 'reports'). */
  reports?: HeldReports
  createdAt: Date
  decidedAt?: Date
  decidedBy?: string
}

/** The hash a moderator's approval must name: the text they were shown. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

export function heldTextHash(held: Pick<HeldContentDoc, 'text' | 'textHash'>): string {
  return held.textHash ?? textHash(held.text)
}

export async function communityWords(db: Database, communityId: string): Promise<CommunityWord[]> {
  // From the call's membership read when it is this community's (runtime/community-settings.ts).
  const doc = await readCommunitySettings<WordListDoc>(db, 'word_lists', communityId)
  return doc?.words ?? []
}

/** Both checks on one text; writes nothing. Never call it inside a transaction callback. */
export async function screenText(db: Database, input: ScreenInput): Promise<Screened> {
  const text = input.text.trim()
  if (!text) return { verdict: 'pass', heldBy: 'words' }
  const own = matchCommunityWords(text, await communityWords(db, input.communityId))
  // A risky word of the community's own is enough; the platform need not be asked.
  if (own === 'risky') return { verdict: own, heldBy: 'words' }
  const platform = await checkText(text, { openid: input.openid, scene: input.scene })
  return { verdict: worseVerdict(own, platform), heldBy: own === 'review' ? 'words' : 'platform' }
}

/** screenText, refusing risky text with CONTENT_RISKY. Store the text with core visibilityFor(verdict). */
export async function screenOrReject(
  db: Database,
  input: ScreenInput,
  message = '内容包含不适宜的信息，请修改后再提交',
): Promise<Screened & { verdict: 'pass' | 'review' }> {
  const screened = await screenText(db, input)
  if (screened.verdict === 'risky') fail('CONTENT_RISKY', message)
  return screened as Screened & { verdict: 'pass' | 'review' }
}

/**
 * Record a screened text's verdict in the transaction that stores it: 'review' writes the held row
 * (the stored text and its hash); 'pass' on a rewrite takes an earlier, still held text of the same
 * document out of the queue.
 */
export async function holdInTransaction(
  tx: Transaction,
  screened: Screened,
  target: HoldTarget,
): Promise<void> {
  const id = heldId(target.communityId, target.collection, target.docId)
  if (screened.verdict !== 'review') {
    if (!target.rewrite) return
    const earlier = await txGetOrNull<HeldContentDoc>(tx, 'held_content', id)
    if (earlier?.status === 'held') await tx.collection('held_content').doc(id).remove()
    return
  }
  const row: Omit<HeldContentDoc, '_id'> = {
    communityId: target.communityId,
    kind: target.kind,
    collection: target.collection,
    docId: target.docId,
    statusField: target.statusField ?? 'status',
    textField: target.textField ?? 'text',
    openid: target.openid,
    text: target.text,
    textHash: textHash(target.text),
    status: 'held',
    heldBy: screened.heldBy,
    reward: target.reward ?? null,
    ...(target.reports ? { reports: target.reports } : {}),
    createdAt: target.now,
  }
  await tx.collection('held_content').doc(id).set({ data: row })
}

/**
 * Staff text (item names, survey questions, rules, the handbook…) is shown to every member as soon
 * as it is saved, and there is no queue for it: anything but a clean pass is sent back for rewording.
 * `what` names the text in the message ('商品信息', '群规'…). Empty parts are skipped.
 */
export async function screenStaffText(
  db: Database,
  input: {
    communityId: string
    openid: string
    scene: number
    what: string
    texts: (string | null | undefined)[]
    /** What the staff member is doing, for the message: 保存 (default) or 发布… */
    verb?: string
  },
): Promise<void> {
  const verb = input.verb ?? '保存'
  const text = input.texts
    .map((t) => t?.trim())
    .filter(Boolean)
    .join('\n')
  if (!text) return
  const { verdict } = await screenText(db, {
    communityId: input.communityId,
    openid: input.openid,
    scene: input.scene,
    text,
  })
  if (verdict === 'risky') fail('CONTENT_RISKY', `${input.what}里有不适宜的内容，请修改后再${verb}`)
  if (verdict === 'review') fail('CONTENT_RISKY', `${input.what}里有需要审核的内容，请换个说法再${verb}`)
}
