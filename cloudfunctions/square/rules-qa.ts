/**
 * The monthly rules Q&A (规则答疑, the articles' "每月第一个周一进行规则答疑"): on the first Monday of each
 * month (Asia/Shanghai) the square's timer posts a 规则答疑 thread in every community and pins it as
 * 群公告 in place of last month's. A resumable job over `communities` (`jobs/square-rules-qa:<month>`);
 * the thread's id is the community and the month, so a rerun changes nothing. The text is the
 * product's own (no member or staff wrote it), and pays nobody.
 */
import { firstMondayOf, hotScore } from '../core/square'
import { shanghaiDayKey, shanghaiMonthKey } from '../core/time'
import type { Database } from '../runtime/cloud'
import { inTransaction, txGetOrNull } from '../runtime/db'
import { jobTuning, runResumableJob, type JobState } from '../runtime/jobs'
import type { CommunityDoc } from '../runtime/membership'
import { PINNED_MAX, pinnedSnapshot, type PinnedSnapshot, type PostDoc } from './records'

export const RULES_QA_AUTHOR = '社群管理员'

export function rulesQaId(communityId: string, month: string): string {
  return `rulesqa-${communityId}-${month}`
}

export function rulesQaText(month: string): string {
  const [, m] = month.split('-')
  return `【${Number(m)}月规则答疑】每月第一个周一是规则答疑日：对群规、积分、等级、打卡和广场发帖有任何疑问，都可以在这条帖子下回复，管理员会逐条解答。`
}

interface RulesQaJob extends JobState {
  posted: number
}

type Community = CommunityDoc & { squarePinned?: PinnedSnapshot[] }

/** Post and pin one community's thread of `month` (nothing if it is there). */
async function postRulesQa(db: Database, community: Community, month: string, now: Date): Promise<boolean> {
  const id = rulesQaId(community._id, month)
  return inTransaction(db, async (tx) => {
    const [found, current] = await Promise.all([
      txGetOrNull<PostDoc>(tx, 'posts', id),
      txGetOrNull<Community>(tx, 'communities', community._id),
    ])
    if (found || !current) return false
    const doc: PostDoc = {
      _id: id,
      communityId: community._id,
      authorId: current.ownerOpenid ?? 'system',
      memberId: `${community._id}_${current.ownerOpenid ?? 'system'}`,
      nickname: RULES_QA_AUTHOR,
      text: rulesQaText(month),
      photos: [],
      photoStatus: [],
      category: 'interaction',
      themeId: null,
      themeTitle: null,
      day: shanghaiDayKey(now),
      createdAt: now,
      status: 'visible',
      likeCount: 0,
      replyCount: 0,
      hot: hotScore({ likes: 0, replies: 0, createdAt: now }),
      pinned: true,
      featured: false,
      points: 0,
      unpaidReason: null,
      reportCount: 0,
    }
    const { _id, ...fields } = doc
    await tx.collection('posts').doc(_id).set({ data: fields })
    // Last month's thread leaves the 群公告 (it stays in the feed).
    const kept = (current.squarePinned ?? []).filter((p) => !p.id.startsWith(`rulesqa-${community._id}-`))
    await tx
      .collection('communities')
      .doc(community._id)
      .update({ data: { squarePinned: [pinnedSnapshot(doc), ...kept].slice(0, PINNED_MAX) } })
    return true
  })
}

/** The timer's run: nothing but on a month's first Monday. */
export async function runRulesQaJob(
  db: Database,
  now: Date,
): Promise<{ month: string; posted: number; done: boolean } | null> {
  const today = shanghaiDayKey(now)
  const month = shanghaiMonthKey(now)
  if (today !== firstMondayOf(month)) return null
  const { batchSize, batchesPerRun } = await jobTuning(db, 'square-rules-qa', 50)
  const state = await runResumableJob<RulesQaJob, Community>({
    db,
    jobId: `square-rules-qa:${month}`,
    initial: { posted: 0 },
    collection: 'communities',
    batchSize,
    batchesPerRun,
    now,
    startedMs: Date.now(),
    step: async (rows, s) => {
      for (const community of rows) if (await postRulesQa(db, community, month, now)) s.posted += 1
    },
  })
  return { month, posted: state.posted, done: state.done }
}
