import { shanghaiDayKey } from '../core/time'
import type { Database } from '../runtime/cloud'
import type { PointsMember } from '../runtime/ledger'

/**
 * Record that the member opened the app: `lastVisitAt` (demotion rules) at most once per
 * Asia/Shanghai day, and the end of a dormancy (流失预警). Returns true when it wrote.
 */
export async function recordVisit(db: Database, member: PointsMember, now: Date): Promise<boolean> {
  const seenToday = member.lastVisitAt && shanghaiDayKey(new Date(member.lastVisitAt)) === shanghaiDayKey(now)
  if (seenToday && !member.dormantSince) return false
  await db
    .collection('members')
    .doc(member._id)
    .update({ data: { lastVisitAt: now, dormantSince: null } })
  return true
}
