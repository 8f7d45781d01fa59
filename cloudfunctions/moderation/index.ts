// The `moderation` cloud function: the held-content queue (approve / reject) and the community word list.
import { defineFunction } from '../runtime/handler'
import heldList from './actions/held-list'
import approve from './actions/approve'
import reject from './actions/reject'
import words from './actions/words'
import saveWords from './actions/save-words'

export const main = defineFunction({ heldList, approve, reject, words, saveWords })
