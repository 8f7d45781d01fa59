/**
 * Who the H5 build acts as, one file per platform (Taro picks it by TARO_ENV):
 *   session.h5.ts:    the dev login page picks a persona and its openid goes to the gateway;
 *   session.weapp.ts: the platform knows who is calling, so there is no persona to keep.
 */

/** The persona's openid, or '' (always '' on weapp). */
export function currentPersona(): string

/** Act as `openid` from now on; the last community belongs to the previous persona and is forgotten. */
export function setPersona(openid: string): void

/** H5: with no persona yet, go and pick one. Returns false when it navigated away. */
export function ensurePersona(): boolean

/** H5: back to the dev login page to act as someone else. */
export function switchPersona(): void
