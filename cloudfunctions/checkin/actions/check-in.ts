import { checkinId, statsOf, type StreakState } from '../../core/checkin'
import { checkinInputs, type CheckInResult, type NoteStatus } from '../../core/contracts/checkin'
import { ledgerReason } from '../../core/points'
import { EVERY_MEMBER } from '../../core/roles'
import { shanghaiDayKey } from '../../core/time'
import { getDocOrNull, inTransaction } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { postToDraft, type PointsMember } from '../../runtime/ledger'
import { draftMember } from '../../runtime/member-write'
import { fail } from '../../runtime/errors'
import { recordActivity } from '../../runtime/activity'
import { recordPhotoChecks, requestPhotoChecks } from '../../runtime/media-check'
import { SCENE, screenOrReject, type Screened } from '../../runtime/moderation'
import { assertMaySpeak } from '../../runtime/speech'
import {
  checkinStateOf,
  isChecked,
  myCheckin,
  readRules,
  recordCheckedDay,
  withoutId,
  type CheckinDoc,
} from '../records'
import { holdCheckinNote } from '../notes'

/**
 * Today's check-in, once per member per community per Asia/Shanghai day: the check-in document's
 * id is the member's day, written in one transaction with the points (ledger source
 * `checkin:<day>`), the streak and any challenge it completes. A second call the same day changes
 * nothing and answers `alreadyCheckedIn`.
 */
export default memberAction({
  input: checkinInputs.checkIn,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<CheckInResult> {
    const { community, member } = ctx.membership
    const communityId = community._id
    const openid = member.openid
    const today = shanghaiDayKey(ctx.now)
    const id = checkinId(communityId, openid, today)

    const already = (doc: CheckinDoc, state: StreakState): CheckInResult => ({
      alreadyCheckedIn: true,
      checkin: myCheckin(doc),
      streak: statsOf(state, today),
      points: 0,
      balance: member.balance,
      totalEarned: member.totalEarned,
      levelChange: null,
      completedChallenges: [],
    })
    const note = input.note ?? ''
    const photos = input.photos ?? []
    // A double tap or a retry with a note: answer from what is there before screening it again.
    // (Without a note the transaction below finds it just as well, one request fewer.)
    if (note) {
      const existing = await getDocOrNull<CheckinDoc>(ctx.db, 'checkins', id)
      if (existing) return already(existing, checkinStateOf(member))
    }
    // A note or photos are speech: refused while muted or in quiet hours; a bare check-in still counts.
    if (note || photos.length) await assertMaySpeak(ctx.db, member, ctx.now)
    let noteStatus: NoteStatus = note || photos.length ? 'visible' : 'none'
    // Screening reads the network: before the transaction, never in it. A held note's queue row is
    // written in the transaction that stores the note, so the queue shows exactly the stored text.
    let screened: Screened | null = null
    if (note) {
      screened = await screenOrReject(ctx.db, { communityId, openid, text: note, scene: SCENE.socialLog })
      if (screened.verdict === 'review') noteStatus = 'held'
    }
    // Photos go to the platform's asynchronous media check; others see each once it passes.
    const photoChecks = await requestPhotoChecks(photos, { openid, scene: SCENE.socialLog })
    const rules = await readRules(ctx.db, communityId)
    const rule = rules.checkin
    const now = ctx.now

    // One member write: the points, the streak, challenge rewards and lastActiveAt go into one draft.
    type Outcome = { result: CheckInResult } | { checkedIn: StreakState }
    const outcome = await inTransaction<Outcome>(ctx.db, async (tx) => {
      const draft = await draftMember<PointsMember>(tx, communityId, openid)
      if (!draft) return fail('NOT_MEMBER')
      const before = draft.doc
      // The member's check-in state says whether today is checked: no read of today's check-in here.
      const saved = checkinStateOf(before)
      if (isChecked(saved, today)) return { checkedIn: saved }
      let points = 0
      if (rule.enabled && rule.points > 0) {
        const posted = await postToDraft(tx, draft, {
          communityId,
          openid,
          source: `checkin:${today}`,
          kind: 'earn',
          delta: rule.points,
          reason: ledgerReason('checkin', today),
          cap: { rule: 'checkin', dailyCap: rule.dailyCap, oncePerDay: true },
          now,
          // The check-in document is this source's: it was not there, so neither is the row.
          sourceIsNew: true,
        })
        points = posted.delta
      }
      const photoStatus = await recordPhotoChecks(tx, photoChecks, {
        communityId,
        collection: 'checkins',
        docId: id,
        openid,
        now,
      })
      const doc: CheckinDoc = {
        _id: id,
        communityId,
        openid,
        nickname: member.nickname,
        dayKey: today,
        madeUp: false,
        note,
        noteStatus,
        photos,
        photoStatus,
        likes: 0,
        points,
        createdAt: now,
      }
      await tx
        .collection('checkins')
        .doc(id)
        .set({ data: withoutId(doc) })
      if (screened) await holdCheckinNote(tx, screened, { communityId, openid, docId: id, note, now })
      const { state, challenges } = await recordCheckedDay(tx, {
        communityId,
        openid,
        day: today,
        today,
        now,
        draft,
      })
      await recordActivity(tx, {
        communityId,
        openid,
        now,
        active: true,
        draft,
        add: {
          checkinDays: 1,
          notes: note ? 1 : 0,
          challengeDays: challenges.counted,
          challengeCompletions: challenges.completed.length,
        },
      })
      await draft.write(tx)
      const after = draft.doc
      return {
        result: {
          alreadyCheckedIn: false,
          checkin: myCheckin(doc),
          streak: statsOf(state, today),
          points,
          balance: after.balance,
          totalEarned: after.totalEarned,
          levelChange: after.level !== before.level ? { from: before.level, to: after.level } : null,
          completedChallenges: challenges.completed,
        },
      }
    })
    if ('result' in outcome) return outcome.result
    // Checked in already: answer with the stored check-in. The state and the document are written
    // together, so a state without its document is drift (`npm run rebuild` puts the state back).
    const found = await getDocOrNull<CheckinDoc>(ctx.db, 'checkins', id)
    return found ? already(found, outcome.checkedIn) : fail('ALREADY_CHECKED_IN')
  },
})
