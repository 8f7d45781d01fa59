/** The `moderation` cloud function: the held-content queue and the community word list. */
import type { HeldItem, ModerationInputs } from '@core/contracts/moderation'
import type { CommunityWord } from '@core/moderation'
import { call } from './call'

export type { HeldItem, ModerationOutputs } from '@core/contracts/moderation'
export type { CommunityWord } from '@core/moderation'

export const heldList = (input: ModerationInputs['heldList'] = {}) => call('moderation', 'heldList', input)
/** Approve exactly the text shown: the server refuses (CONTENT_CHANGED) if it changed since. */
export const approve = (item: Pick<HeldItem, 'id' | 'textHash'>) =>
  call('moderation', 'approve', { id: item.id, textHash: item.textHash })
export const reject = (id: string) => call('moderation', 'reject', { id })
export const words = () => call('moderation', 'words')
export const saveWords = (list: CommunityWord[]) => call('moderation', 'saveWords', { words: list })
