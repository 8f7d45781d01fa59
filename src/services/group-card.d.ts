/**
 * The group a page was opened from, one file per platform:
 *   group-card.weapp.ts: a launch from a share card inside the group (scene 1008/1044) gives a
 *                        shareTicket; wx.getGroupEnterInfo turns it into a CloudID.
 *   group-card.h5.ts:    the local cloud issues a CloudID for `?group=<openGId>` (dev and tests).
 */
import type { CloudIdRef } from './transport'

/** The CloudID of the group this page was opened from, or null when it was not opened from one. */
export function groupCardOfPage(params: Record<string, string | undefined>): Promise<CloudIdRef | null>
