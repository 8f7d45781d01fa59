/**
 * The group a share card stands for. The event's `groupShare.data` is whatever the client sent (a
 * plain `{cloudID, data}` object passes through the platform untouched), so the only trusted
 * answer is the platform decrypting the CloudID for us with getOpenData.
 */
import { getCloud } from './cloud'

/** getOpenData's codes for a CloudID never issued (-601005) or expired (-601006). */
const UNUSABLE_CLOUD_ID = [-601005, -601006]

interface OpenDataItem {
  cloudID?: string
  data?: { opengid?: string; openGId?: string }
}

/** The openGId the platform decrypts `cloudID` to, or null when it cannot (forged or expired). */
export async function openGIdOfShare(cloudID: string): Promise<string | null> {
  const cloud = getCloud() as unknown as {
    getOpenData(options: { list: string[] }): Promise<{ list?: OpenDataItem[] }>
  }
  try {
    const res = await cloud.getOpenData({ list: [cloudID] })
    const item = res.list?.find((i) => i.cloudID === cloudID)
    return item?.data?.opengid || item?.data?.openGId || null
  } catch (err) {
    if (UNUSABLE_CLOUD_ID.includes(Number((err as { errCode?: unknown })?.errCode))) return null
    throw err
  }
}
