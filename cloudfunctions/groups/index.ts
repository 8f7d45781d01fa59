// The `groups` cloud function: WeChat groups bound to the community (绑定本群, member counts,
// near-full groups, unbinding) and the community QR code (活码) that opens the join flow.
import { defineFunction } from '../runtime/handler'
import bind from './actions/bind'
import list from './actions/list'
import unbind from './actions/unbind'
import qrcode from './actions/qrcode'

export const main = defineFunction({ bind, list, unbind, qrcode })
