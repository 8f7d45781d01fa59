/**
 * The openapi stand-in, driven through the real wx-server-sdk over HTTP: what a cloud function's
 * cloud.openapi.* and cloud.getOpenData calls get back from the local cloud.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startCloud, sdkFor, type RunningCloud } from '../support/local-cloud'
import { uploadFixture } from '../support/storage'
import { startLocalCloud, type LocalCloud } from '../../tools/local-cloud/server'
import { OpenApiStandIn } from '../../tools/local-cloud/openapi'
import { openApiControls } from '../../tools/local-cloud/openapi/http-controls'
import { LocalClock } from '../../tools/local-cloud/clock'

type Sdk = ReturnType<typeof sdkFor>
interface SdkError {
  errCode: number
  errMsg: string
}

/** The SDK's rejection, for asserting on errCode/errMsg. */
async function rejectionOf(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise
  } catch (err) {
    return err as SdkError
  }
  throw new Error('expected the call to fail')
}

/** wx-server-sdk's typings miss getVoIPSign and type getOpenData as synchronous; both return promises. */
interface UntypedApis {
  getOpenData(options: { list: string[] }): Promise<{ errCode: number; list: unknown[] }>
  getVoIPSign(options: Record<string, unknown>): Promise<unknown>
}
const untyped = (sdk: Sdk): UntypedApis => sdk as unknown as UntypedApis

const tmpDir = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix))

describe('msgSecCheck and unsupported APIs, through the local cloud CLI', () => {
  let cloud: RunningCloud
  let sdk: Sdk

  beforeAll(async () => {
    cloud = await startCloud()
    sdk = sdkFor(cloud)
  }, 60_000)
  afterAll(async () => {
    await cloud?.stop()
  })

  const check = (content: string, scene = 2) =>
    sdk.openapi.security.msgSecCheck({ openid: 'o-alice', scene, version: 2, content }) as Promise<{
      errCode: number
      result: { suggest: string; label: number }
      detail: { strategy: string; suggest?: string; keyword?: string }[]
      traceId: string
    }>

  it('passes ordinary text with the real v2 response shape', async () => {
    const res = await check('周六上午九点在体育馆打羽毛球，欢迎大家')
    expect(res.errCode).toBe(0)
    expect(res.result).toEqual({ suggest: 'pass', label: 100 })
    expect(res.detail.map((d) => d.strategy)).toEqual(['content_model', 'keyword'])
    expect(res.traceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/)
  })

  it('flags review words as review and risky words as risky, risky winning', async () => {
    const review = await check('我是做微商的，有需要可以找我')
    expect(review.result.suggest).toBe('review')
    expect(review.detail.find((d) => d.strategy === 'keyword')?.keyword).toBe('微商')

    expect((await check('这里有测试待审词')).result.suggest).toBe('review')
    expect((await check('这里有测试违规词')).result).toEqual({ suggest: 'risky', label: 21000 })
    // Spacing does not hide a word; risky beats review in the same text.
    const both = await check('代购 之外还可以 加 微 信 返 现')
    expect(both.result).toEqual({ suggest: 'risky', label: 20008 })
  })

  it('rejects a scene outside 1-4 as WeChat does (40129)', async () => {
    const err = await rejectionOf(check('你好', 9))
    expect(err.errCode).toBe(40129)
    expect(err.errMsg).toContain('openapi.security.msgSecCheck:fail')
  })

  it('gives a cloud file ID a temporary URL (getTempFileURL), and an unknown id an error', async () => {
    // Temp URLs are served by the local cloud itself (storage.test.ts), so the file must be there.
    const fileID = await uploadFixture(cloud, 'checkins/a.jpg')
    const res = (await sdk.getTempFileURL({
      fileList: [fileID, 'not-a-file-id'],
    })) as { fileList: { fileID: string; status: number; tempFileURL: string }[] }
    expect(res.fileList[0]).toMatchObject({
      fileID,
      status: 0,
      tempFileURL: expect.stringMatching(/^https?:\/\/[^/]+\/_storage\/checkins\/a\.jpg\?sign=/),
    })
    expect(res.fileList[1]).toMatchObject({ status: -503003, tempFileURL: '' })
  })

  it('checks media only by an https URL, as WeChat does', async () => {
    const err = await rejectionOf(
      sdk.openapi.security.mediaCheckAsync({
        mediaUrl: 'cloud://env-local.1234/checkins/a.jpg',
        mediaType: 2,
        version: 2,
        scene: 4,
        openid: 'o-alice',
      }),
    )
    expect(err.errCode).toBe(47001)
  })

  it('answers APIs it does not serve with a clear error', async () => {
    // wxacode.getUnlimited is served now (groups.test.ts); wxacode.get (limited codes) is not.
    const err = await rejectionOf(sdk.openapi.wxacode.get({ path: 'pages/home/index' }))
    expect(err.errCode).toBe(-604100)
    expect(err.errMsg).toContain('openapi.wxacode.get is not supported by the local cloud')

    const voip = await rejectionOf(untyped(sdk).getVoIPSign({ groupId: 'g', timestamp: 1, nonce: 'n' }))
    expect(voip.errMsg).toContain('not supported by the local cloud')
  })

  it('refuses a CloudID it never issued (-601005)', async () => {
    const err = await rejectionOf(untyped(sdk).getOpenData({ list: ['23_made-up'] }))
    expect(err.errCode).toBe(-601005)
  })
})

describe('subscribe messages, group CloudIDs and controls, in process', () => {
  let dataDir: string
  let functionsDir: string
  let cloud: LocalCloud
  let sdk: Sdk
  // Replies are read field by field below; their exact shapes are what the assertions check.
  const control = (method: string, pathname: string, body?: unknown) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    openApiControls(cloud.openapi, method, pathname, body) as Promise<{ status: number; body: any }>

  beforeAll(async () => {
    dataDir = tmpDir('qunhuo-openapi-')
    functionsDir = tmpDir('qunhuo-nofns-')
    cloud = await startLocalCloud({ dataDir, envId: 'openapi-test', functionsDir })
    sdk = sdkFor(cloud)
  }, 60_000)
  afterAll(async () => {
    await cloud?.close()
    for (const dir of [dataDir, functionsDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  const send = (touser: string, templateId: string, thing = '周六羽毛球') =>
    sdk.openapi.subscribeMessage.send({
      touser,
      templateId,
      page: 'pages/event/index?id=e1',
      data: { thing1: { value: thing }, time2: { value: '2025-06-07 09:00' } },
      miniprogramState: 'developer',
    }) as Promise<{ errCode: number; msgid: number }>

  it('refuses a send without a subscription the way WeChat does (43101)', async () => {
    const err = await rejectionOf(send('o-bob', 'TPL_REMIND'))
    expect(err.errCode).toBe(43101)
    expect(err.errMsg).toContain('user refuse to accept the msg')
    expect(cloud.openapi.outbox({ touser: 'o-bob' })).toEqual([])
  })

  it('allows exactly one send per accepted subscription and records it in the outbox', async () => {
    const granted = await control('POST', '/_local/subscriptions', {
      openid: 'o-carol',
      templateId: 'TPL_REMIND',
    })
    expect(granted).toEqual({ status: 200, body: { openid: 'o-carol', remaining: { TPL_REMIND: 1 } } })

    const res = await send('o-carol', 'TPL_REMIND')
    expect(res.errCode).toBe(0)
    expect(Number.isSafeInteger(res.msgid)).toBe(true)

    const again = await rejectionOf(send('o-carol', 'TPL_REMIND', '第二条'))
    expect(again.errCode).toBe(43101)
    // A grant for one template does not cover another.
    await cloud.openapi.grantSubscription('o-carol', 'TPL_OTHER')
    expect((await rejectionOf(send('o-carol', 'TPL_REMIND'))).errCode).toBe(43101)

    const listed = await control('GET', '/_local/outbox?touser=o-carol')
    expect(listed.status).toBe(200)
    expect(listed.body.messages).toEqual([
      {
        msgid: res.msgid,
        touser: 'o-carol',
        templateId: 'TPL_REMIND',
        page: 'pages/event/index?id=e1',
        data: { thing1: { value: '周六羽毛球' }, time2: { value: '2025-06-07 09:00' } },
        miniprogramState: 'developer',
        sentAt: expect.any(String),
        appid: 'wx-local-appid',
      },
    ])
    // The POST form (what the test helper's control() sends) filters from the body.
    expect((await control('POST', '/_local/outbox', { touser: 'o-nobody' })).body.messages).toEqual([])
  })

  it('lets only one of two concurrent sends use a single grant', async () => {
    await cloud.openapi.grantSubscription('o-dave', 'TPL_REMIND')
    const outcomes = await Promise.allSettled([send('o-dave', 'TPL_REMIND'), send('o-dave', 'TPL_REMIND')])
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    expect(cloud.openapi.outbox({ touser: 'o-dave' })).toHaveLength(1)
  })

  it('persists the outbox and unused grants under dataDir/openapi', async () => {
    await cloud.openapi.grantSubscription('o-erin', 'TPL_REMIND')
    const reopened = new OpenApiStandIn({ clock: new LocalClock(), dataDir })
    await reopened.open()
    expect(reopened.outbox({ touser: 'o-carol' })).toHaveLength(1)
    expect(reopened.subscriptionsOf('o-erin')).toEqual({ TPL_REMIND: 1 })
    expect(reopened.subscriptionsOf('o-carol')).toEqual({ TPL_OTHER: 1 })
    await reopened.close()
    expect(fs.existsSync(path.join(dataDir, 'openapi', 'outbox.json'))).toBe(true)
  })

  it('issues group CloudIDs that getOpenData decrypts until 5 minutes of local time pass', async () => {
    cloud.clock.set('2025-06-07T01:00:00.000Z')
    const shared = await control('POST', '/_local/group-share', { openGId: 'G-badminton' })
    expect(shared.status).toBe(200)
    const { cloudID } = shared.body as { cloudID: string }
    expect(cloudID).not.toContain('G-badminton')
    expect(cloud.openapi.issueGroupCloudID('G-badminton')).not.toBe(cloudID)

    const res = await untyped(sdk).getOpenData({ list: [cloudID] })
    expect(res.errCode).toBe(0)
    expect(res.list).toEqual([
      {
        cloudID,
        data: {
          opengid: 'G-badminton',
          watermark: { timestamp: expect.any(Number), appid: 'wx-local-appid' },
        },
      },
    ])
    expect(cloud.openapi.resolveCloudID(cloudID)).toEqual({ opengid: 'G-badminton' })

    cloud.clock.set('2025-06-07T01:04:50.000Z')
    expect(cloud.openapi.resolveCloudID(cloudID)).toEqual({ opengid: 'G-badminton' })
    cloud.clock.set('2025-06-07T01:05:01.000Z')
    expect(cloud.openapi.resolveCloudID(cloudID)).toBeNull()
    const err = await rejectionOf(untyped(sdk).getOpenData({ list: [cloudID] }))
    expect(err.errCode).toBe(-601006)
    cloud.clock.set(null)
  })

  it('serves and extends the word lists through the controls', async () => {
    const words = await control('GET', '/_local/words')
    expect(words.body.risky.map((w: { word: string }) => w.word)).toEqual(
      expect.arrayContaining(['赌博', '代开发票', '加微信返现', '测试违规词']),
    )
    expect(words.body.review.map((w: { word: string }) => w.word)).toEqual(
      expect.arrayContaining(['微商', '代购', '测试待审词']),
    )
    const added = await control('POST', '/_local/words', { review: ['团购接龙'] })
    expect(added.body.review.map((w: { word: string }) => w.word)).toContain('团购接龙')
    const res = (await sdk.openapi.security.msgSecCheck({
      openid: 'o-alice',
      scene: 3,
      version: 2,
      content: '今晚团购接龙',
    })) as { result: { suggest: string } }
    expect(res.result.suggest).toBe('review')
  })

  it('answers bad control input with 400 and other paths with null', async () => {
    expect((await control('POST', '/_local/subscriptions', { openid: 'o-x' })).status).toBe(400)
    expect((await control('POST', '/_local/group-share', {})).status).toBe(400)
    expect((await control('DELETE', '/_local/outbox')).status).toBe(405)
    expect(await control('GET', '/_local/clock')).toBeNull()
  })
})
