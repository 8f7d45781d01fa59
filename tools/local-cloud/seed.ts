import type { LocalCloud } from './server'
/** Placeholder: demo data is being written. */
export async function seedDemoIfEmpty(_cloud: LocalCloud): Promise<string | null> {
  return null
}
