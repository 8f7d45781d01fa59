/**
 * 微信群与活码 in Chromium against the local product (H5 build, seeded demo): 周宁 (admin) opens the
 * page as if from a share card inside a new group (?group=, the local cloud issues its CloudID),
 * binds it, sees it listed beside the seeded groups with its member count, and makes the community
 * QR code, a real PNG whose scene is the invite code.
 */
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(150_000)

const product = useProduct()
const { visible, shown, button, actAs } = product

it('binds the group the page was opened from and lists the groups with their counts', async () => {
  await product.page.goto(product.cloud.url + '/')
  await actAs('周宁 · 管理员')
  await product.page.locator('.home-hero__name').filter({ hasText: '晨光读书会', visible: true }).waitFor()
  await product.page.goto(product.cloud.url + '/#/packages/admin/groups/index?group=G-E2E-NEW')
  await product.page.reload()
  await shown('你是从一个微信群打开的').waitFor()
  await product.page
    .locator('input[placeholder="给这个群起个名字，最多 20 字"]')
    .filter({ visible: true })
    .fill('晨光读书会·3群')
  await button('绑定本群').click()
  await visible('.groups-row').filter({ hasText: '晨光读书会·3群' }).waitFor()
  // The seeded groups are there too, each with its count out of 500.
  await visible('.groups-row').filter({ hasText: '晨光读书会·1群' }).waitFor()
  expect(await visible('.groups-row').filter({ hasText: '晨光读书会·3群' }).innerText()).toContain(
    '0 / 500 人',
  )
  // The seeded members sit in the demo groups, and those who came by invite code are counted apart.
  const seeded = await visible('.groups-row').filter({ hasText: '晨光读书会·1群' }).innerText()
  expect(Number(/(\d+) \/ 500 人/.exec(seeded)?.[1])).toBeGreaterThan(0)
  await shown(/另有 \d+ 人通过邀请码加入，不在任何群/).waitFor()
  await screenshot(product.page, 'groups-01-bound')
})

it('shows the community QR code, a PNG for the invite code', async () => {
  await button('生成社群码').click()
  await shown('邀请码 QHREAD').waitFor()
  const src = await visible('.groups-qr__image img').first().getAttribute('src')
  expect(src).toMatch(/^data:image\/png;base64,/)
  const png = Buffer.from(src!.split(',')[1], 'base64')
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  expect(png.readUInt32BE(16)).toBe(430)
  expect(
    await visible('.groups-qr__image img')
      .first()
      .evaluate((img: HTMLImageElement) => img.naturalWidth),
  ).toBe(430)
  await screenshot(product.page, 'groups-02-qrcode')
})
