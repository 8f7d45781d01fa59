/**
 * The one guard on member text (SPEC §9): a muted member (the ladder's step 3) and anyone during the
 * community's quiet hours may not post notes, introductions, survey text or photos. Every action that
 * takes member text calls `assertMaySpeak` before screening it; a check-in without a note does not.
 * Nicknames are not speech here: they are screened on their own, and a mute must not lock anyone
 * out of joining or fixing their name.
 */
import { effectiveSanctionSettings, speechBlock, type SanctionSettings } from '../core/sanctions'
import type { Database } from './cloud'
import { readCommunitySettings } from './community-settings'
import { AppError } from './errors'
import type { MemberDoc } from './membership'

/** The community's sanction settings (joined into the membership read: no request inside a call). */
export async function loadSanctionSettings(db: Database, communityId: string): Promise<SanctionSettings> {
  const saved = await readCommunitySettings<Partial<SanctionSettings>>(db, 'sanction_settings', communityId)
  return effectiveSanctionSettings(saved)
}

/** Refuse with MUTED or QUIET_HOURS (the message says until when) when `member` may not post now. */
export async function assertMaySpeak(
  db: Database,
  member: Pick<MemberDoc, 'communityId' | 'mutedUntil'>,
  now: Date,
): Promise<void> {
  const { quietHours } = await loadSanctionSettings(db, member.communityId)
  const block = speechBlock({ mutedUntil: member.mutedUntil, quiet: quietHours, now })
  if (block) throw new AppError(block.reason === 'muted' ? 'MUTED' : 'QUIET_HOURS', block.message)
}
