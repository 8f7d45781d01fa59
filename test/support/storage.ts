/** Files in the local cloud's storage for tests: uploaded with the real wx-server-sdk, as a function would. */
import { encodePng } from '../../tools/local-cloud/png'
import { sdkFor } from './local-cloud'

/** Upload `bytes` (a small PNG unless given) to `cloudPath`; answers the file ID. */
export async function uploadFixture(
  cloud: { url: string; envId: string },
  cloudPath: string,
  bytes: Buffer = encodePng(4, 4, () => 160),
): Promise<string> {
  const res = (await sdkFor(cloud).uploadFile({ cloudPath, fileContent: bytes })) as { fileID: string }
  return res.fileID
}
