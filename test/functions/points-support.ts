/** Setup for the points and levels function tests, on the shared fixtures. */
import { getDoc } from '../support/fixtures'
import { databaseOf, sdkFor, type RunningCloud, type SdkDatabase } from '../support/local-cloud'

export { addMember, countWhere, data, errorCode, type MemberSetup } from '../support/fixtures'
import { addCommunity as addAnyCommunity } from '../support/fixtures'

export function dbOf(cloud: RunningCloud): SdkDatabase {
  return databaseOf(sdkFor(cloud))
}

export function addCommunity(db: SdkDatabase, id: string, name: string): Promise<void> {
  return addAnyCommunity(db, id, { name })
}

export async function memberDoc(db: SdkDatabase, id: string): Promise<Record<string, unknown>> {
  return (await getDoc<Record<string, unknown>>(db, 'members', id)) ?? {}
}
