/**
 * A member's daily loop in Chromium against the local product (H5 build, seeded demo): 小雨 checks
 * in on the home page with a note and sees the streak and the points go up, finds the note in the
 * feed, uses a make-up card on the calendar to bridge a missed day, and edits today's note there.
 */
import { screenshot, useProduct } from '../support/browser'

jest.setTimeout(120_000)

const product = useProduct()
const { visible, shown } = product

async function number(selector: string): Promise<number> {
  return Number((await visible(selector).first().innerText()).trim())
}

it('a member checks in on the home page and sees the streak and the points go up', async () => {
  await product.page.goto(product.cloud.url + '/')
  await shown('本地体验登录').waitFor()
  await product.page.locator('.nut-cell').filter({ hasText: '小雨 · 成员', visible: true }).first().click()
  await visible('.checkin-card__submit').waitFor()

  const streakBefore = await number('.checkin-card__streak')
  const balanceBefore = await number('.home-me__stat-value')
  expect(streakBefore).toBe(3)
  await screenshot(product.page, 'checkin-01-before')
  // The note's native textarea (H5) sits inside its box, in the box's colour, not white and spilling out.
  const note = await visible('.checkin-card__textarea')
    .first()
    .evaluate((box) => {
      const inner = box.querySelector('textarea')!
      const [b, t] = [box.getBoundingClientRect(), inner.getBoundingClientRect()]
      return {
        inside: t.top >= b.top && t.bottom <= b.bottom,
        background: getComputedStyle(inner).backgroundColor,
      }
    })
  expect(note).toEqual({ inside: true, background: 'rgba(0, 0, 0, 0)' })

  await visible('.checkin-card__textarea textarea').fill('今天读了《小王子》，很温柔的一本书。')
  await visible('.checkin-card__submit').click()
  await shown('今天已打卡 · +5 积分').waitFor()
  await product.page.waitForFunction((expected) => {
    const el = Array.from(document.querySelectorAll('.home-me__stat-value')).find(
      (e) => (e as HTMLElement).offsetParent !== null,
    )
    return el && Number(el.textContent) === expected
  }, balanceBefore + 5)
  expect(await number('.checkin-card__streak')).toBe(streakBefore + 1)
  expect(await number('.home-me__stat-value')).toBe(balanceBefore + 5)
  // The note is in the community's feed.
  await visible('.checkin-feed__note').filter({ hasText: '今天读了《小王子》' }).waitFor()
  await visible('.checkin-feed__name').filter({ hasText: '小雨（我）' }).first().waitFor()
  await screenshot(product.page, 'checkin-02-after')
})

it('likes a note in the feed', async () => {
  // Someone else's note that I have not liked yet (the seed has me like some), held by its name so
  // that the locator does not move on to the next unliked note once this one is liked.
  const name = await visible('.checkin-feed__item')
    .filter({ hasNotText: '（我）' })
    .filter({ hasNot: product.page.locator('.checkin-feed__like--on') })
    .first()
    .locator('.checkin-feed__name')
    .innerText()
  const other = visible('.checkin-feed__item').filter({ hasText: name }).first()
  const label = other.locator('.checkin-feed__like-count')
  const before = Number(((await label.innerText()).match(/\d+/) ?? ['0'])[0])
  await other.locator('.checkin-feed__like').click()
  await product.page.waitForFunction(([el, n]) => (el as HTMLElement).textContent === `赞 ${n}`, [
    await label.elementHandle(),
    before + 1,
  ] as const)
})

it('bridges a missed day with a make-up card on the calendar', async () => {
  await visible('.checkin-card__head .checkin-card__link').click()
  await visible('.cal-head__title').waitFor()
  const missable = visible('.cal-day--missable')
  expect(await missable.count()).toBe(1)
  await screenshot(product.page, 'checkin-03-calendar')
  await missable.first().click()
  await shown(/用 1 张补签卡补上/).waitFor()
  await product.page.locator('.nut-button').filter({ hasText: '确认补签', visible: true }).click()
  await visible('.cal-day--madeup').first().waitFor()
  // 8 days, the missed one, 3 days, today: 13 in a row.
  await product.page.waitForFunction(() => {
    const el = Array.from(document.querySelectorAll('.cal-stat__value')).find(
      (e) => (e as HTMLElement).offsetParent !== null,
    )
    return el?.textContent === '13'
  })
  await screenshot(product.page, 'checkin-04-made-up')
})

it('taps today on the calendar to read the note, and edits it the same day', async () => {
  await visible('.cal-day--today').first().click()
  await visible('.cal-note__text').filter({ hasText: '今天读了《小王子》' }).waitFor()
  await product.page.locator('.nut-button').filter({ hasText: '修改日记', visible: true }).click()
  await visible('.cal-note__textarea textarea').fill('今天读了《小王子》，还抄下了狐狸的那段话。')
  await product.page.locator('.nut-button').filter({ hasText: '保存日记', visible: true }).click()
  await visible('.cal-note__text').filter({ hasText: '狐狸的那段话' }).waitFor()
  await screenshot(product.page, 'checkin-04b-note-edited')
  // A day without a check-in says so.
  await visible('.cal-day').filter({ hasText: /^1$/ }).first().click()
  await shown(/月1日 没有打卡。|已打卡/).waitFor()
})

it('shows the member the running challenge with their progress', async () => {
  await product.page.goBack()
  await visible('.checkin-card__foot .checkin-card__link').filter({ hasText: '打卡挑战' }).click()
  await visible('.challenge__title').filter({ hasText: '21 天晨读挑战' }).waitFor()
  await visible('.challenge-progress__text').first().waitFor()
  await screenshot(product.page, 'checkin-05-challenges')
})

it('shows an admin the participation of a challenge', async () => {
  await product.page.goto(product.cloud.url + '/')
  await visible('.qh-tabbar').getByText('我的').click()
  await shown('切换身份').click({ force: true })
  await shown('本地体验登录').waitFor()
  await product.page.locator('.nut-cell').filter({ hasText: '周宁 · 管理员', visible: true }).first().click()
  await visible('.qh-tabbar').getByText('管理').click()
  await product.page.locator('.nut-cell').filter({ hasText: '打卡挑战', visible: true }).first().click()
  await visible('.admin-challenge__title').filter({ hasText: '21 天晨读挑战' }).waitFor()
  await product.page.locator('.nut-button').filter({ hasText: '查看参与情况', visible: true }).first().click()
  await shown(/持续参与 \d+ 人/).waitFor()
  // 199 current members: the seed removes one of its 200.
  await shown(/参与 \d+\/199 人/).waitFor()
  await screenshot(product.page, 'checkin-06-admin-challenge')
})
