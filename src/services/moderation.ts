/** The `moderation` cloud function: the held-content queue and the community word list. */
import type { HeldItem, ModerationInputs, ModerationOutputs } from '@core/contracts/moderation'
import type { CommunityWord } from '@core/moderation'
import { callFunction } from './transport'

export type { HeldItem, ModerationOutputs } from '@core/contracts/moderation'
export type { CommunityWord } from '@core/moderation'

export const heldList = (input: ModerationInputs['heldList'] = {}) =>
  callFunction<ModerationOutputs['heldList']>('moderation', 'heldList', input)
/** Approve exactly the text shown: the server refuses (CONTENT_CHANGED) if it changed since. */
export const approve = (item: Pick<HeldItem, 'id' | 'textHash'>) =>
  callFunction<HeldItem>('moderation', 'approve', { id: item.id, textHash: item.textHash })
export const reject = (id: string) => callFunction<HeldItem>('moderation', 'reject', { id })
export const words = () => callFunction<{ words: CommunityWord[] }>('moderation', 'words')
export const saveWords = (list: CommunityWord[]) =>
  callFunction<{ words: CommunityWord[] }>('moderation', 'saveWords', { words: list })
