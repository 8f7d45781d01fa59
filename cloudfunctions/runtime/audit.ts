/**
 * The audit log of staff actions on points (`audit`, read by points.auditLog): every action that sets
 * or pays points writes one row, in the same transaction as the change, with the amount, who and the
 * source (the ledger source it pays, or the reward or rule it sets), so nothing moves unrecorded.
 */
import type { AuditKind } from '../core/contracts/points'
import type { Transaction } from './db'

export type { AuditKind }

export interface AuditDoc {
  _id: string
  communityId: string
  kind: AuditKind
  by: string
  byNickname: string
  /** The member concerned (member id), when there is one. */
  target: string | null
  targetNickname: string | null
  amount: number | null
  /**
   * What the amount belongs to: the ledger source paid (`adjust:<requestId>`, `quality:checkin:<day>`),
   * or what was set (`challenge:<id>`, `survey:<id>`, `rule:<key>`, `ceiling:<key>`, `top3`).
   */
  source?: string | null
  reason: string
  requestId: string | null
  createdAt: Date
}

/** Write an audit row in the transaction of the change it records (a generated id unless given). */
export async function writeAudit(tx: Transaction, doc: Omit<AuditDoc, '_id'>, id?: string): Promise<void> {
  if (id) await tx.collection('audit').doc(id).set({ data: doc })
  else await tx.collection('audit').add({ data: doc })
}
