/** weapp: the platform tells each function who calls, so there is no persona to keep or pick. */
import type * as Session from './session'

export const currentPersona: typeof Session.currentPersona = () => ''
export const setPersona: typeof Session.setPersona = () => undefined
export const ensurePersona: typeof Session.ensurePersona = () => true
export const switchPersona: typeof Session.switchPersona = () => undefined
