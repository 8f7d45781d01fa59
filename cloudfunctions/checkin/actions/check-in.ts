import { checkinId, checkinStatsId, statsOf } from '../../core/checkin'
import { checkinInputs, type CheckInResult, type NoteStatus } from '../../core/contracts/checkin'
import { ledgerReason } from '../../core/points'
import { EVERY_MEMBER } from '../../core/roles'
import { shanghaiDayKey } from '../../core/time'
import { getDocOrNull, inTransaction, txGetOrNull } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { postInTransaction } from '../../runtime/ledger'
import { recordActivity } from '../../runtime/activity'
import { recordPhotoChecks, requestPhotoChecks } from '../../runtime/media-check'
import type { MemberDoc } from '../../runtime/membership'
import { holdInTransaction, SCENE, screenOrReject, type Screened } from '../../runtime/moderation'
import {
  emptyStats,
  myCheckin,
  readRules,
  readStats,
  recordCheckedDay,
  withoutId,
  type CheckinDoc,
  type StatsDoc,
} from '../records'

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
    const statsId = checkinStatsId(communityId, openid)

    const already = async (doc: CheckinDoc): Promise<CheckInResult> => ({
      alreadyCheckedIn: true,
      checkin: myCheckin(doc),
      streak: statsOf(await readStats(ctx.db, communityId, openid), today),
      points: 0,
      balance: member.balance,
      totalEarned: member.totalEarned,
      levelChange: null,
      completedChallenges: [],
    })
    const note = input.note ?? ''
    // A double tap or a retry with a note: answer from what is there before screening it again.
    // (Without a note the transaction below finds it just as well, one request fewer.)
    if (note) {
      const existing = await getDocOrNull<CheckinDoc>(ctx.db, 'checkins', id)
      if (existing) return already(existing)
    }
    const photos = input.photos ?? []
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

    const outcome = await inTransaction(ctx.db, async (tx) => {
      const [found, saved] = await Promise.all([
        txGetOrNull<CheckinDoc>(tx, 'checkins', id),
        txGetOrNull<StatsDoc>(tx, 'checkin_stats', statsId),
      ])
      if (found) return { found }
      const stats = saved ?? { _id: statsId, ...emptyStats(communityId, openid, now) }
      let paid = {
        delta: 0,
        balance: member.balance,
        totalEarned: member.totalEarned,
        levelChange: null as CheckInResult['levelChange'],
      }
      if (rule.enabled && rule.points > 0) {
        const posted = await postInTransaction(tx, {
          communityId,
          openid,
          source: `checkin:${today}`,
          kind: 'earn',
          delta: rule.points,
          reason: ledgerReason('checkin', today),
          cap: { rule: 'checkin', dailyCap: rule.dailyCap },
          now,
        })
        paid = posted
      } else {
        const fresh = await txGetOrNull<MemberDoc>(tx, 'members', member._id)
        if (fresh) paid = { ...paid, balance: fresh.balance, totalEarned: fresh.totalEarned }
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
        points: paid.delta,
        createdAt: now,
      }
      await tx
        .collection('checkins')
        .doc(id)
        .set({ data: withoutId(doc) })
      if (screened)
        await holdInTransaction(tx, screened, {
          communityId,
          openid,
          kind: 'checkin_note',
          collection: 'checkins',
          docId: id,
          text: note,
          textField: 'note',
          statusField: 'noteStatus',
          now,
        })
      const { state, challenges } = await recordCheckedDay(tx, {
        communityId,
        openid,
        stats,
        day: today,
        today,
        now,
      })
      await recordActivity(tx, {
        communityId,
        openid,
        now,
        active: true,
        add: {
          checkinDays: 1,
          notes: note ? 1 : 0,
          challengeDays: challenges.counted,
          challengeCompletions: challenges.completed.length,
        },
      })
      // A challenge's reward is posted after the check-in's points: read the member as they are now.
      let { balance, totalEarned, levelChange } = paid
      if (challenges.completed.length) {
        const after = await txGetOrNull<MemberDoc>(tx, 'members', member._id)
        if (after) {
          balance = after.balance
          totalEarned = after.totalEarned
          if (after.level !== member.level) levelChange = { from: member.level, to: after.level }
        }
      }
      return {
        result: {
          alreadyCheckedIn: false,
          checkin: myCheckin(doc),
          streak: statsOf(state, today),
          points: paid.delta,
          balance,
          totalEarned,
          levelChange,
          completedChallenges: challenges.completed,
        } satisfies CheckInResult,
      }
    })
    if ('found' in outcome && outcome.found) return already(outcome.found)
    return (outcome as { result: CheckInResult }).result
  },
})
