/**
 * The decision layer after the nightly figures: evaluate core/metrics' rules on the community's
 * recent days, store a raised alert as one doc per episode (`alerts/<communityId>:<key>:<day>`),
 * mark resolved the ones whose metric recovered, and tell the owner and admins who subscribed
 * (subscribe message; in the app the 管理 tab shows the open alerts as a badge).
 */
import { evaluateAlerts, type AlertDraft, type DailyFigures, type OpenAlert } from '../core/metrics'
import { messageThing } from '../core/notify'
import { DAY_MS } from '../core/time'
import type { Database } from '../runtime/cloud'
import { findMany, getDocOrNull } from '../runtime/db'
import { sendSubscribeMessage } from '../runtime/notify'

/** Days of figures the rules look at (three full weeks and the one before, plus slack). */
export const HISTORY_DAYS = 40

export interface AlertDoc extends AlertDraft {
  _id: string
  communityId: string
  status: 'open' | 'resolved'
  raisedAt: Date
  resolvedAt: Date | null
  /** Staff a subscribe message reached. */
  notified: number
}

export function alertId(communityId: string, key: string, day: string): string {
  return `${communityId}:${key}:${day}`
}

/** The community's last `days` figures, in day order, up to `day`. */
export async function recentFigures(db: Database, communityId: string, day: string, days: number) {
  const _ = db.command
  const rows = await findMany<DailyFigures>(
    db
      .collection('metrics_daily')
      .where({ communityId, day: _.lte(day) })
      .orderBy('day', 'desc')
      .limit(days),
  )
  return rows.reverse()
}

export async function evaluateCommunityAlerts(
  db: Database,
  community: { _id: string; name: string; createdAt?: Date },
  day: string,
  now: Date,
): Promise<{ raised: number; resolved: number }> {
  const cid = community._id
  const [history, openDocs, groups] = await Promise.all([
    recentFigures(db, cid, day, HISTORY_DAYS),
    findMany<AlertDoc>(db.collection('alerts').where({ communityId: cid, status: 'open' }).limit(100)),
    findMany<{ _id: string; name: string }>(db.collection('groups').where({ communityId: cid }).limit(100)),
  ])
  const created = community.createdAt ? new Date(community.createdAt).getTime() : now.getTime()
  const open: OpenAlert[] = openDocs.map((a) => ({
    key: a.key,
    rule: a.rule,
    metric: a.metric,
    baseline: a.baseline,
  }))
  const { raise, resolve } = evaluateAlerts(history, open, {
    communityAgeDays: Math.floor((now.getTime() - created) / DAY_MS),
    groupNames: Object.fromEntries(groups.map((g) => [g._id, g.name])),
  })
  for (const doc of openDocs.filter((a) => resolve.includes(a.key)))
    await db
      .collection('alerts')
      .doc(doc._id)
      .update({ data: { status: 'resolved', resolvedAt: now } })
  let raised = 0
  for (const draft of raise) {
    const id = alertId(cid, draft.key, day)
    // A batch redone after a timeout finds its alert stored: raised (and told) once.
    if (await getDocOrNull(db, 'alerts', id)) continue
    const doc: Omit<AlertDoc, '_id'> = {
      ...draft,
      communityId: cid,
      status: 'open',
      raisedAt: now,
      resolvedAt: null,
      notified: 0,
    }
    await db.collection('alerts').doc(id).set({ data: doc })
    raised++
    const notified = await notifyStaff(db, cid, community.name, draft)
    if (notified) await db.collection('alerts').doc(id).update({ data: { notified } })
  }
  return { raised, resolved: resolve.length }
}

/** The owner and admins, by subscribe message where they subscribed (43101 otherwise: not an error). */
async function notifyStaff(db: Database, cid: string, name: string, alert: AlertDraft): Promise<number> {
  const _ = db.command
  const staff = await findMany<{ openid: string }>(
    db
      .collection('members')
      .where({ communityId: cid, role: _.in(['owner', 'admin']) })
      .field({ openid: true })
      .limit(50),
  )
  let sent = 0
  for (const s of staff) {
    const outcome = await sendSubscribeMessage({
      openid: s.openid,
      template: 'healthAlert',
      data: { thing1: messageThing(name), thing2: messageThing(alert.title), time3: alert.since },
      page: 'packages/admin/dashboard/index',
    })
    if (outcome.sent) sent++
  }
  return sent
}
