/**
 * screenText: the two checks every piece of member text passes before anyone else sees it — the
 * community's own word list (collection `word_lists`, doc id = communityId), then the platform's
 * content-security API (runtime/content-check). On 'review' it records a `held_content` row so an
 * admin can approve or reject it; approving sets the referenced document's `statusField` (default
 * `status`) to 'visible', rejecting to 'rejected'. The caller stores its document with
 * `visibilityFor(verdict)` and refuses 'risky' (see `screenOrReject`).
 *
 * It reads the network and writes a row, so never call it inside a transaction callback.
 */
import {
  heldId,
  matchCommunityWords,
  worseVerdict,
  type CommunityWord,
  type Verdict,
} from '../core/moderation'
import type { Database } from './cloud'
import { checkText } from './content-check'
import { getDocOrNull } from './db'
import { fail } from './errors'

export { SCENE } from './content-check'

export interface ScreenInput {
  communityId: string
  openid: string
  text: string
  /** msgSecCheck scene (SCENE.profile for nicknames/intros, SCENE.socialLog for notes…). */
  scene: number
  /** What the text is: 'intro', 'nickname', 'checkin_note'… (core/moderation HELD_KIND_NAMES). */
  kind: string
  /** The collection and document that show the text; approval updates that document. */
  collection: string
  docId: string
  /** The field of the referenced document that holds its visibility; default 'status'. */
  statusField?: string
  /**
   * Points to pay when an admin approves the held text (e.g. a checklist step that only pays for
   * shown text). Paid through the ledger with this source, so it still pays at most once.
   */
  reward?: HeldReward | null
  /** The action's clock (ctx.now); defaults to the current time. */
  now?: Date
}

export interface HeldReward {
  source: string
  delta: number
  reason: string
  rule: string
  dailyCap: number | null
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
  openid: string
  text: string
  status: 'held' | 'approved' | 'rejected'
  /** Which check held it: the community word list or the platform. */
  heldBy: 'words' | 'platform'
  reward: HeldReward | null
  createdAt: Date
  decidedAt?: Date
  decidedBy?: string
}

export async function communityWords(db: Database, communityId: string): Promise<CommunityWord[]> {
  const doc = await getDocOrNull<WordListDoc>(db, 'word_lists', communityId)
  return doc?.words ?? []
}

export async function screenText(db: Database, input: ScreenInput): Promise<Verdict> {
  const text = input.text.trim()
  if (!text) return 'pass'
  const own = matchCommunityWords(text, await communityWords(db, input.communityId))
  // A risky word of the community's own is enough; the platform need not be asked.
  const verdict =
    own === 'risky'
      ? own
      : worseVerdict(own, await checkText(text, { openid: input.openid, scene: input.scene }))
  if (verdict === 'review') {
    const id = heldId(input.communityId, input.collection, input.docId)
    const row: Omit<HeldContentDoc, '_id'> = {
      communityId: input.communityId,
      kind: input.kind,
      collection: input.collection,
      docId: input.docId,
      statusField: input.statusField ?? 'status',
      openid: input.openid,
      text,
      status: 'held',
      heldBy: own === 'review' ? 'words' : 'platform',
      reward: input.reward ?? null,
      createdAt: input.now ?? new Date(),
    }
    await db.collection('held_content').doc(id).set({ data: row })
  }
  return verdict
}

/**
 * screenText, refusing risky text with CONTENT_RISKY (nothing is written). Answers 'pass' or
 * 'review'; store the document with core/moderation.visibilityFor(verdict).
 */
export async function screenOrReject(
  db: Database,
  input: ScreenInput,
  message = '内容包含不适宜的信息，请修改后再提交',
): Promise<'pass' | 'review'> {
  const verdict = await screenText(db, input)
  if (verdict === 'risky') fail('CONTENT_RISKY', message)
  return verdict
}
