import { fireEvent, screen, waitFor } from '@testing-library/react'
import { resetBadges } from '@/hooks/badgeStore'
import { meStore } from '@/hooks/meStore'
import { setPersona } from '@/services/session'
import { installGateway, type Gateway } from './gateway'
import { recorded, resetTaro } from './taro-stub'

/** A fresh app for each test: empty Taro storage, no cached `me`, the gateway stub, and a persona. */
export function freshApp(persona = 'openid-member'): Gateway {
  resetTaro()
  meStore.reset()
  resetBadges()
  const gateway = installGateway()
  setPersona(persona)
  return gateway
}

/** Type into the native <input> that Taro's Input renders (once its web component has drawn). */
export async function typeInto(placeholder: string, value: string): Promise<void> {
  const input = await waitFor(() => {
    const found = screen.getAllByPlaceholderText(placeholder).find((el) => el.tagName === 'INPUT')
    if (!found) throw new Error(`no <input> with placeholder ${placeholder} yet`)
    return found
  })
  fireEvent.input(input, { target: { value } })
}

/** Tap 加载更多 and wait for `text`, a row of the next page. */
export async function loadMore(text: string): Promise<void> {
  fireEvent.click(screen.getByText('加载更多'))
  expect(await screen.findByText(text)).toBeTruthy()
}

/** Tap `text` and check that it opened `url` (Taro.navigateTo). */
export function tapOpens(text: string, url: string): void {
  fireEvent.click(screen.getByText(text))
  expect(recorded.navigations.at(-1)).toEqual({ method: 'navigateTo', url })
}
