import { memberInputs, type InviteesPage } from '../../core/contracts/member'
import { INVITEES_PAGE_SIZE } from '../../core/invite'
import { LEVEL_NAMES } from '../../core/levels'
import { EVERY_MEMBER } from '../../core/roles'
import { findMany } from '../../runtime/db'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'
import type { MemberDoc } from '../../runtime/membership'

/**
 * The cursor is [joinedAt ms, rows at that instant already shown], not a member id: member ids carry
 * the openid, which other members must never see.
 */
function decode(cursor: string): { at: Date; skip: number } {
  try {
    const [ms, skip] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [number, number]
    if (!Number.isInteger(ms) || !Number.isInteger(skip) || skip < 0) throw new Error('bad cursor')
    return { at: new Date(ms), skip }
  } catch {
    return fail('INVALID_CURSOR')
  }
}

const encode = (ms: number, skip: number) => Buffer.from(JSON.stringify([ms, skip])).toString('base64url')

/** Who joined by the caller's invite, newest first; served by members.community_invitedBy_joinedAt. */
export default memberAction({
  input: memberInputs.invitees,
  access: EVERY_MEMBER,
  async run(ctx, input): Promise<InviteesPage> {
    const { db, membership } = ctx
    const { community, member } = membership
    const from = input.cursor ? decode(input.cursor) : null
    const scope = { communityId: community._id, invitedBy: member.openid }
    const rows = await findMany<MemberDoc>(
      db
        .collection('members')
        .where(from ? { ...scope, joinedAt: db.command.lte(from.at) } : scope)
        .orderBy('joinedAt', 'desc')
        .orderBy('_id', 'desc')
        .skip(from?.skip ?? 0)
        .limit(INVITEES_PAGE_SIZE + 1),
    )
    const page = rows.slice(0, INVITEES_PAGE_SIZE)
    let nextCursor: string | null = null
    if (rows.length > INVITEES_PAGE_SIZE) {
      const lastMs = new Date(page[page.length - 1].joinedAt).getTime()
      const sameInstant = page.filter((m) => new Date(m.joinedAt).getTime() === lastMs).length
      const before = from && from.at.getTime() === lastMs ? from.skip : 0
      nextCursor = encode(lastMs, before + sameInstant)
    }
    return {
      items: page.map((m) => ({
        nickname: m.nickname,
        levelName: LEVEL_NAMES[m.level],
        joinedAt: new Date(m.joinedAt).toISOString(),
      })),
      nextCursor,
    }
  },
})
