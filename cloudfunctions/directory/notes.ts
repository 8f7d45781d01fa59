/** Private staff notes on a member (`member_notes`): only the community's staff with the members right read them. */
import type { NotesPage } from '../core/contracts/directory'
import type { Database } from '../runtime/cloud'
import { newestFirst } from '../runtime/paging'

export interface MemberNoteDoc {
  _id: string
  communityId: string
  memberId: string
  text: string
  by: string
  byNickname: string
  createdAt: Date
}

export const NOTES_PAGE = 20

export async function notesPage(
  db: Database,
  communityId: string,
  memberId: string,
  cursor: string | undefined,
): Promise<NotesPage> {
  const { page, nextCursor } = await newestFirst<MemberNoteDoc>(
    db,
    'member_notes',
    { communityId, memberId },
    cursor,
    NOTES_PAGE,
  )
  return {
    notes: page.map((n) => ({
      id: n._id,
      text: n.text,
      byNickname: n.byNickname,
      createdAt: new Date(n.createdAt).toISOString(),
    })),
    nextCursor,
  }
}
