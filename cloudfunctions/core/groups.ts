/** WeChat groups bound to a community (SPEC §1): how full a group may get before staff open another. */

/** SPEC: a WeChat group holds 500 people. */
export const GROUP_CAPACITY = 500
/** From here a group shows as near full (90%): time to open the next group. */
export const GROUP_NEAR_FULL_AT = 450
export const GROUP_NAME_MAX = 20

export function isNearFull(memberCount: number): boolean {
  return memberCount >= GROUP_NEAR_FULL_AT
}

/** The page the community QR code opens; its scene is the invite code (core/invite). */
export const QR_PAGE = 'pages/home/index'
/** wxacode.getUnlimited takes a scene of at most 32 visible characters. */
export const QR_SCENE_MAX = 32
