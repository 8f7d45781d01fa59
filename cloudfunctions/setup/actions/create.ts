import { randomBytes } from 'node:crypto'
import { defaultNickname, memberId } from '../../core/community'
import { setupInputs, type SetupOutputs } from '../../core/contracts/setup'
import { levelFor } from '../../core/levels'
import { nameGrams } from '../../core/nickname'
import { MAX_OWNED_COMMUNITIES, mayOwnAnother } from '../../core/team'
import { inTransaction } from '../../runtime/db'
import { AppError, fail, isDuplicateKey } from '../../runtime/errors'
import { anyoneAction } from '../../runtime/handler'
import { acceptImage } from '../../runtime/images'
import type { CommunityDoc, MemberDoc } from '../../runtime/membership'
import { SCENE, screenStaffText } from '../../runtime/moderation'
import type { OnboardingMember } from '../../runtime/onboarding'
import { newPublicId } from '../../runtime/public-id'
import { communitySummary } from '../../member/profile'
import { ownedIn, profileOf, setOwned, unusedInviteCode } from '../community'

/**
 * Any WeChat user creates a community and becomes its owner and first member; it becomes the
 * community they act in. The name and slogan are screened like all staff text; one person owns at
 * most MAX_OWNED_COMMUNITIES (the `owners` document is read and written in the creating transaction).
 */
export default anyoneAction({
  input: setupInputs.create,
  async run(ctx, input): Promise<SetupOutputs['create']> {
    const { db, caller, now } = ctx
    const id = `c${randomBytes(8).toString('hex')}`
    // Content checks call the platform: before the transaction, never inside it.
    await screenStaffText(db, {
      communityId: id,
      openid: caller.openid,
      scene: SCENE.profile,
      what: '社群名称或口号',
      texts: [input.name, input.slogan],
      verb: '创建',
    })
    if (input.logoFileId)
      await acceptImage(db, {
        communityId: id,
        openid: caller.openid,
        fileId: input.logoFileId,
        purpose: 'logo',
        now,
      })
    // The owner keeps the nickname they use where they are now, if anywhere.
    const nickname = ctx.membership?.member.nickname ?? defaultNickname(caller.openid)
    for (let attempt = 0; ; attempt++) {
      const inviteCode = await unusedInviteCode(db)
      const community: CommunityDoc = {
        _id: id,
        name: input.name,
        slogan: input.slogan,
        inviteCode,
        joinPolicy: input.joinPolicy,
        memberCount: 1,
        createdAt: now,
        ownerOpenid: caller.openid,
        ...(input.logoFileId ? { logoFileId: input.logoFileId } : {}),
      }
      const member: OnboardingMember = {
        _id: memberId(id, caller.openid),
        communityId: id,
        openid: caller.openid,
        publicId: newPublicId(),
        nickname,
        nameGrams: nameGrams(nickname),
        role: 'owner',
        level: levelFor(0),
        balance: 0,
        totalEarned: 0,
        joinedAt: now,
        via: 'owner',
        rulesAckVersion: 0,
        tags: [],
      }
      try {
        await inTransaction(db, async (tx) => {
          const owned = await ownedIn(tx, caller.openid)
          if (!mayOwnAnother(owned.length))
            fail(
              'OWNED_LIMIT',
              `每人最多拥有 ${MAX_OWNED_COMMUNITIES} 个社群，可以把其中一个转让给管理员后再创建`,
            )
          const { _id: cid, ...communityFields } = community
          await tx.collection('communities').doc(cid).set({ data: communityFields })
          const { _id: mid, ...memberFields } = member
          await tx
            .collection('members')
            .doc(mid)
            .set({ data: { ...memberFields, ranked: true } })
          await tx
            .collection('users')
            .doc(caller.openid)
            .set({ data: { currentCommunityId: id, updatedAt: now } })
          await setOwned(tx, caller.openid, [...owned, id], now)
        })
      } catch (err) {
        // Another community took the same code a moment ago: draw again.
        if (!(err instanceof AppError) && isDuplicateKey(err) && attempt < 3) continue
        throw err
      }
      ctx.enterCommunity(id)
      return { community: communitySummary(community, member as MemberDoc), profile: profileOf(community) }
    }
  },
})
