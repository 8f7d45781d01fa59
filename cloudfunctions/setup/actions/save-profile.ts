import { setupInputs, type CommunityProfile } from '../../core/contracts/setup'
import { accessFor } from '../../core/rights'
import { memberAction } from '../../runtime/handler'
import { acceptImage } from '../../runtime/images'
import type { CommunityDoc } from '../../runtime/membership'
import { SCENE, screenStaffText } from '../../runtime/moderation'
import { profileOf } from '../community'

/** The owner edits the name, slogan and logo (null removes it; absent keeps it). */
export default memberAction({
  input: setupInputs.saveProfile,
  access: accessFor('settings'),
  async run(ctx, input): Promise<CommunityProfile> {
    const { db, caller, now, membership } = ctx
    const cid = membership.community._id
    await screenStaffText(db, {
      communityId: cid,
      openid: caller.openid,
      scene: SCENE.profile,
      what: '社群名称或口号',
      texts: [input.name, input.slogan],
    })
    const logo = input.logoFileId
    // Only a new file is checked again; the one already shown was accepted when it was set.
    if (logo && logo !== membership.community.logoFileId)
      await acceptImage(db, { communityId: cid, openid: caller.openid, fileId: logo, purpose: 'logo', now })
    const changes: Record<string, unknown> = { name: input.name, slogan: input.slogan }
    if (logo !== undefined) changes.logoFileId = logo ?? db.command.remove()
    // One document, one update: nothing else is read to decide it.
    await db.collection('communities').doc(cid).update({ data: changes })
    const next: CommunityDoc = { ...membership.community, name: input.name, slogan: input.slogan }
    if (logo !== undefined) {
      if (logo) next.logoFileId = logo
      else delete next.logoFileId
    }
    return profileOf(next)
  },
})
