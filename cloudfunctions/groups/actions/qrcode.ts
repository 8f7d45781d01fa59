import { groupsInputs, type QrCode } from '../../core/contracts/groups'
import { QR_PAGE, QR_SCENE_MAX } from '../../core/groups'
import { accessFor } from '../../core/rights'
import { getCloud } from '../../runtime/cloud'
import { fail } from '../../runtime/errors'
import { memberAction } from '../../runtime/handler'

/**
 * The community QR code (活码): wxacode.getUnlimited with the invite code as its scene, opening the
 * join flow. One code serves every group, so a full group is split without printing a new one;
 * resetting the invite code retires it.
 */
export default memberAction({
  input: groupsInputs.qrcode,
  access: accessFor('groups'),
  async run(ctx): Promise<QrCode> {
    const scene = ctx.membership.community.inviteCode ?? ''
    if (!scene || scene.length > QR_SCENE_MAX) return fail('NOT_FOUND', '社群还没有邀请码')
    const res = (await getCloud().openapi.wxacode.getUnlimited({
      scene,
      page: QR_PAGE,
      checkPath: false,
      width: 430,
    })) as { buffer?: Buffer; contentType?: string }
    if (!res.buffer?.length) throw new Error('wxacode.getUnlimited answered no image')
    return { png: Buffer.from(res.buffer).toString('base64'), scene, page: QR_PAGE }
  },
})
