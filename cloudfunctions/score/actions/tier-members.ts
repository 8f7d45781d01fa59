import { accessFor } from '../../core/rights'
import { scoreInputs, type TierMembersPage } from '../../core/contracts/score'
import { TIER_NAMES } from '../../core/value-score'
import { findMany } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import type { ScoredMember } from '../score-view'

const DEFAULT_PAGE = 20

type Cursor = [number | string, string]

function encode(value: number | string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url')
}

function decode(cursor: string, kind: 'number' | 'string'): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor
    if (typeof parsed[0] !== kind || typeof parsed[1] !== 'string') throw new Error('bad cursor')
    return parsed
  } catch {
    return fail('INVALID_CURSOR')
  }
}

/**
 * One page of a tier's members, highest score first (index communityId+tier+valueScore), or of the
 * silent members, quiet longest first (index communityId+silent+lastActiveAt). Ties by _id.
 */
export default memberAction({
  input: scoreInputs.tierMembers,
  access: accessFor('tiers'),
  async run(ctx, input): Promise<TierMembersPage> {
    const { db, membership } = ctx
    const communityId = membership.community._id
    const limit = input.limit ?? DEFAULT_PAGE
    const _ = db.command
    const silent = input.group === 'silent'
    const scope = silent ? { communityId, silent: true } : { communityId, tier: input.group }
    const field = silent ? 'lastActiveAt' : 'valueScore'
    let where: object = scope
    if (input.cursor) {
      const [value, id] = decode(input.cursor, silent ? 'string' : 'number')
      const at = silent ? new Date(value) : value
      where = _.or([
        { ...scope, [field]: silent ? _.gt(at) : _.lt(at) },
        { ...scope, [field]: at, _id: _.gt(id) },
      ])
    }
    const rows = await findMany<ScoredMember>(
      db
        .collection('members')
        .where(where)
        .orderBy(field, silent ? 'asc' : 'desc')
        .orderBy('_id', 'asc')
        .limit(limit + 1),
    )
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null)
    return {
      items: page.map((m) => ({
        memberId: m._id,
        nickname: m.nickname,
        valueScore: m.valueScore ?? 0,
        tier: m.tier ?? 'watch',
        tierName: TIER_NAMES[m.tier ?? 'watch'],
        silent: !!m.silent,
        lastActiveAt: iso(m.lastActiveAt),
        lastWakeUpAt: iso(m.lastWakeUpAt),
      })),
      nextCursor:
        rows.length > limit && last
          ? encode(silent ? (iso(last.lastActiveAt) ?? '') : (last.valueScore ?? 0), last._id)
          : null,
    }
  },
})
