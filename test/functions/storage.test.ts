/**
 * Cloud storage through the local cloud: the real wx-server-sdk's uploadFile / getTempFileURL /
 * deleteFile, the temp URLs the gateway serves (and lets expire), the client's upload, and images
 * accepted for a use (runtime/images.acceptImage, through the mall's saveItem).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { ActionResult } from '../../cloudfunctions/core/errors'
import type { ItemInput, ItemView, MallShelf } from '../../cloudfunctions/core/contracts/mall'
import { encodePng } from '../../tools/local-cloud/png'
import { databaseOf, sdkFor, startCloud, type RunningCloud, type SdkDatabase } from '../support/local-cloud'
import { addCommunity, addMember, data, errorCode } from '../support/fixtures'

jest.setTimeout(180_000)

let cloud: RunningCloud
let sdk: ReturnType<typeof sdkFor>
let db: SdkDatabase

const png = (shade = 128) => encodePng(8, 8, () => shade)

/** The mini-program's wx.cloud.uploadFile, as the H5 build does it through the gateway. */
async function clientUpload(cloudPath: string, bytes: Buffer, openid = 'o-adm'): Promise<string> {
  const res = await fetch(`${cloud.url}/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'x-wx-openid': openid, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { fileID: string }).fileID
}

type TempUrls = { fileList: { fileID: string; status: number; tempFileURL: string }[] }

beforeAll(async () => {
  cloud = await startCloud()
  sdk = sdkFor(cloud)
  db = databaseOf(sdk)
  await cloud.setClock('2026-11-22T04:00:00.000Z')
  await addCommunity(db, 'c-a', { name: '读书会' })
  await addMember(db, 'c-a', 'o-adm', { role: 'admin', nickname: '管理员小林' })
  await addMember(db, 'c-a', 'o-adm2', { role: 'admin', nickname: '管理员小周' })
  await addMember(db, 'c-a', 'o-m1', { nickname: '张三' })
})

afterAll(() => cloud?.stop())

describe('the storage stand-in, through the real wx-server-sdk', () => {
  it('uploads a file to disk, serves it by a temp URL, and lets the URL expire', async () => {
    const bytes = png(50)
    const up = (await sdk.uploadFile({ cloudPath: 'exports/a/b.png', fileContent: bytes })) as {
      fileID: string
    }
    expect(up.fileID).toMatch(new RegExp(`^cloud://${cloud.envId}\\.[^/]+/exports/a/b\\.png$`))
    expect(fs.readFileSync(path.join(cloud.dataDir, 'storage/exports/a/b.png'))).toEqual(bytes)

    const temp = (await sdk.getTempFileURL({ fileList: [{ fileID: up.fileID, maxAge: 60 }] })) as TempUrls
    expect(temp.fileList[0]).toMatchObject({ fileID: up.fileID, status: 0 })
    const url = temp.fileList[0].tempFileURL
    expect(url).toMatch(new RegExp(`^${cloud.url}/_storage/exports/a/b\\.png\\?sign=`))
    const served = await fetch(url)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes)

    // A forged signature, or the same URL once its minute is over, is refused.
    expect((await fetch(url.replace(/sign=[0-9a-f]/, 'sign=z'))).status).toBe(403)
    await cloud.setClock('2026-11-22T04:01:30.000Z')
    expect((await fetch(url)).status).toBe(403)
    await cloud.setClock('2026-11-22T04:00:00.000Z')
  })

  it('answers STORAGE_FILE_NONEXIST for a file never uploaded or of another environment', async () => {
    const res = (await sdk.getTempFileURL({
      fileList: [`cloud://${cloud.envId}.x/none/here.png`, 'cloud://other-env.7162-other/exports/a/b.png'],
    })) as TempUrls
    expect(res.fileList.map((f) => [f.status, f.tempFileURL])).toEqual([
      [expect.any(Number), ''],
      [expect.any(Number), ''],
    ])
    expect(res.fileList.every((f) => f.status !== 0)).toBe(true)
  })

  it('deletes files: the file leaves the disk and its temp URLs stop working', async () => {
    const up = (await sdk.uploadFile({ cloudPath: 'tmp/gone.png', fileContent: png() })) as { fileID: string }
    const url = ((await sdk.getTempFileURL({ fileList: [up.fileID] })) as TempUrls).fileList[0].tempFileURL
    const res = (await sdk.deleteFile({
      fileList: [up.fileID, `cloud://${cloud.envId}.x/tmp/never.png`],
    })) as {
      fileList: { fileID: string; status: number }[]
    }
    expect(res.fileList[0]).toMatchObject({ fileID: up.fileID, status: 0 })
    expect(res.fileList[1].status).not.toBe(0)
    expect(fs.existsSync(path.join(cloud.dataDir, 'storage/tmp/gone.png'))).toBe(false)
    expect((await fetch(url)).status).toBe(404)
    const again = (await sdk.getTempFileURL({ fileList: [up.fileID] })) as TempUrls
    expect(again.fileList[0].status).not.toBe(0)
  })

  it('takes client uploads only from a WeChat user, and never outside the bucket', async () => {
    const anonymous = await fetch(`${cloud.url}/storage/upload?cloudPath=uploads/item/x.png`, {
      method: 'POST',
      body: new Uint8Array(png()),
    })
    expect(anonymous.status).toBe(401)
    const climbing = await fetch(`${cloud.url}/storage/upload?cloudPath=../../etc/x.png`, {
      method: 'POST',
      headers: { 'x-wx-openid': 'o-adm' },
      body: new Uint8Array(png()),
    })
    expect(climbing.status).toBe(400)
    const fileId = await clientUpload('uploads/item/client.png', png())
    expect(fileId).toMatch(/\/uploads\/item\/client\.png$/)
  })
})

describe('images accepted for a use (mall item pictures)', () => {
  let seq = 0
  const item = (images: string[]): ItemInput => ({
    kind: 'physical',
    name: `书签套装${seq}`,
    description: '',
    images,
    price: 30,
    stock: 3,
    limit: null,
    minLevel: 'newcomer',
    onShelf: true,
  })
  const save = (images: string[], openid = 'o-adm') =>
    cloud.call<ActionResult<ItemView>>(
      'mall',
      { action: 'saveItem', requestId: `req-img-${seq++}`, item: item(images) },
      openid,
    )
  const shelfItem = async (id: string, openid: string) =>
    data(
      await cloud.call<ActionResult<MallShelf>>('mall', { action: 'items', limit: 50 }, openid),
    ).items.find((i) => i.id === id)!

  it('shows an uploaded picture to members only once the media check passes', async () => {
    await cloud.control('media-checks', { delayMs: null })
    const ok = await clientUpload('uploads/item/ok-1.png', png(200))
    const risky = await clientUpload('uploads/item/risky-1.png', png(10))
    const saved = data(await save([ok, risky, 'https://img.example.com/old.png']))
    expect(saved.images).toEqual([ok, risky, 'https://img.example.com/old.png'])

    // Waiting: the member sees only the old link; the uploader sees their pictures.
    expect((await shelfItem(saved.id, 'o-m1')).imageUrls).toEqual(['https://img.example.com/old.png'])
    expect((await shelfItem(saved.id, 'o-adm')).imageUrls).toHaveLength(3)

    await cloud.control('media-checks/deliver', {})
    const seen = (await shelfItem(saved.id, 'o-m1')).imageUrls
    expect(seen).toHaveLength(2)
    expect(seen[0]).toMatch(/\/_storage\/uploads\/item\/ok-1\.png\?sign=/)
    expect(seen[1]).toBe('https://img.example.com/old.png')
    // The temp URL the member got draws the picture.
    expect((await fetch(seen[0])).status).toBe(200)
    await cloud.control('media-checks', { delayMs: 1000 })
  })

  it('refuses a file that is not there, not an image, of another environment, or someone else’s', async () => {
    const never = `cloud://${cloud.envId}.7162-${cloud.envId}-local/uploads/item/never.png`
    expect(errorCode(await save([never]))).toBe('INVALID_INPUT')
    const foreign = `cloud://other-env.7162-other-env-local/uploads/item/ok-1.png`
    expect(errorCode(await save([foreign]))).toBe('INVALID_INPUT')

    const text = await clientUpload('uploads/item/notes.png', Buffer.from('not an image at all'))
    const refused = await save([text])
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '只能上传图片（JPG、PNG、GIF、WebP）' },
    })

    const mine = await clientUpload('uploads/item/mine.png', png(90))
    data(await save([mine], 'o-adm'))
    expect(errorCode(await save([mine], 'o-adm2'))).toBe('INVALID_INPUT')
    // Nothing was stored for the refused saves.
    const items = (await db.collection('mall_items').where({ communityId: 'c-a' }).get()) as unknown as {
      data: { images: string[] }[]
    }
    expect(items.data.filter((i) => i.images.some((x) => [never, foreign, text].includes(x)))).toEqual([])
  })
})
