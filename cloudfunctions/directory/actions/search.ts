import { directoryInputs, type DirectoryPage } from '../../core/contracts/directory'
import { countChips, matchesFilter, nicknameContains } from '../../core/directory'
import { accessFor } from '../../core/rights'
import { findMany } from '../../runtime/db'
import { memberAction } from '../../runtime/handler'
import { nextCursor, pageOf } from '../../runtime/paging'
import {
  READ_MAX,
  LIST_FIELDS,
  byJoined,
  filterWhere,
  gramsWhere,
  listItem,
  type DirectoryDoc,
} from '../roster'

/**
 * 成员管理's list. With a query, or in a community of up to 1,000, the matches are read in one
 * request (roster.ts) and filtered, counted and paged here; otherwise the database pages the
 * filtered members and counts them (two requests). With the membership read: at most 3.
 */
export default memberAction({
  input: directoryInputs.search,
  access: accessFor('members'),
  async run(ctx, input): Promise<DirectoryPage> {
    const { db, membership, now } = ctx
    const communityId = membership.community._id
    const { offset, limit } = pageOf(input)
    const { query, cursor: _c, limit: _l, ...filter } = input
    void _c
    void _l
    if (query || membership.community.memberCount <= READ_MAX) {
      const read = await findMany<DirectoryDoc>(
        db
          .collection('members')
          .where(gramsWhere(db, communityId, query))
          .field(LIST_FIELDS)
          .limit(READ_MAX),
      )
      const found = query ? read.filter((m) => nicknameContains(m.nickname, query)) : read
      const kept = found.filter((m) => matchesFilter(m, filter, now)).sort(byJoined)
      const page = kept.slice(offset, offset + limit)
      return {
        members: page.map((m) => listItem(m, now)),
        total: kept.length,
        counts: countChips(found, filter, now),
        capped: read.length >= READ_MAX,
        nextCursor: offset + limit < kept.length ? String(offset + limit) : null,
      }
    }
    const where = { communityId, ...filterWhere(db, filter, now) }
    const [page, counted] = await Promise.all([
      findMany<DirectoryDoc>(
        db
          .collection('members')
          .where(where)
          .orderBy('joinedAt', 'desc')
          .orderBy('_id', 'asc')
          .skip(offset)
          .limit(limit)
          .field(LIST_FIELDS),
      ),
      db.collection('members').where(where).count() as Promise<{ total: number }>,
    ])
    return {
      members: page.map((m) => listItem(m, now)),
      total: counted.total,
      counts: null,
      capped: false,
      nextCursor: nextCursor(offset, limit, page.length),
    }
  },
})
