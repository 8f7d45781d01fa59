/**
 * A small, honest stand-in for the Taro APIs the pages (and the NutUI components they use) call in
 * jsdom. It keeps state like the real ones (storage, clipboard, the page route) and records what
 * a page asked for (toasts, navigation) so tests can assert on it. Anything not here is not used.
 */
import { act, useLayoutEffect, useRef } from 'react'

interface ModalOption {
  title: string
  content?: string
  confirmText?: string
  cancelText?: string
  confirmColor?: string
}

type Callbacks<T> = {
  success?: (res: T) => void
  fail?: (err: { errMsg: string }) => void
  complete?: () => void
}

const storage = new Map<string, unknown>()

export const recorded = {
  toasts: [] as { title: string; icon?: string }[],
  navigations: [] as { method: string; url: string }[],
  clipboard: '',
  route: '/pages/home/index',
  /** The current page's query (useRouter().params), e.g. an invite link's code and ref. */
  params: {} as Record<string, string>,
  modals: [] as ModalOption[],
  /** What the next showModal answers (the person taps confirm unless a test says otherwise). */
  modalConfirms: true,
  /** The files the person picks in the next chooseImage (none: they close the picker). */
  chosenImages: [] as string[],
}

/** Forget storage and everything recorded (call between tests). */
export function resetTaro(): void {
  storage.clear()
  recorded.toasts = []
  recorded.navigations = []
  recorded.clipboard = ''
  recorded.route = '/pages/home/index'
  recorded.params = {}
  recorded.modals = []
  recorded.modalConfirms = true
  recorded.chosenImages = []
}

function ok<T extends object>(name: string, res: T, cb?: Callbacks<T>): Promise<T & { errMsg: string }> {
  const full = { errMsg: `${name}:ok`, ...res }
  cb?.success?.(full)
  cb?.complete?.()
  return Promise.resolve(full)
}

export const ENV_TYPE = {
  WEAPP: 'WEAPP',
  SWAN: 'SWAN',
  ALIPAY: 'ALIPAY',
  TT: 'TT',
  QQ: 'QQ',
  JD: 'JD',
  WEB: 'WEB',
  RN: 'RN',
  HARMONY: 'HARMONY',
} as const

export function getEnv(): string {
  return ENV_TYPE.WEB
}

export function getStorageSync(key: string): unknown {
  // Taro answers '' for a key that was never set.
  return storage.has(key) ? storage.get(key) : ''
}

export function setStorageSync(key: string, value: unknown): void {
  storage.set(key, value)
}

export function removeStorageSync(key: string): void {
  storage.delete(key)
}

function navigate(method: string) {
  return (option: { url: string } & Callbacks<object>) => {
    recorded.navigations.push({ method, url: option.url })
    recorded.route = option.url.split('?')[0]
    return ok(method, {}, option)
  }
}

export const switchTab = navigate('switchTab')
export const reLaunch = navigate('reLaunch')
export const navigateTo = navigate('navigateTo')
export const redirectTo = navigate('redirectTo')

export function showToast(option: { title: string; icon?: string } & Callbacks<object>) {
  recorded.toasts.push({ title: option.title, icon: option.icon })
  return ok('showToast', {}, option)
}

export function showModal(option: ModalOption & Callbacks<object>) {
  const { title, content, confirmText, cancelText, confirmColor } = option
  recorded.modals.push({ title, content, confirmText, cancelText, confirmColor })
  const confirm = recorded.modalConfirms
  return ok('showModal', { confirm, cancel: !confirm }, option)
}

export function chooseImage(option: { count?: number } & Callbacks<object> = {}) {
  const picked = recorded.chosenImages.slice(0, option.count ?? 9)
  if (!picked.length) return Promise.reject({ errMsg: 'chooseImage:fail cancel' })
  return ok(
    'chooseImage',
    { tempFilePaths: picked, tempFiles: picked.map((path) => ({ path, size: 1 })) },
    option,
  )
}

export function pageScrollTo(option: Callbacks<object> = {}) {
  return ok('pageScrollTo', {}, option)
}

export function useRouter() {
  return { path: recorded.route, params: recorded.params }
}

export function setClipboardData(option: { data: string } & Callbacks<object>) {
  recorded.clipboard = option.data
  return ok('setClipboardData', {}, option)
}

export function stopPullDownRefresh() {
  return ok('stopPullDownRefresh', {})
}

export function showShareMenu(option: Callbacks<object> = {}) {
  return ok('showShareMenu', {}, option)
}

/** Only for px values NutUI computes in JS; the browser build uses the same 375 design width. */
export function pxTransform(value: number): string {
  return `${value}px`
}

export function getCurrentInstance() {
  return { router: { path: recorded.route, params: {} }, page: null }
}

const handlers = new Map<string, Set<(...args: unknown[]) => void>>()
export const eventCenter = {
  on(name: string, fn: (...args: unknown[]) => void) {
    if (!handlers.has(name)) handlers.set(name, new Set())
    handlers.get(name)!.add(fn)
  },
  off(name: string, fn?: (...args: unknown[]) => void) {
    if (fn) handlers.get(name)?.delete(fn)
    else handlers.delete(name)
  },
  trigger(name: string, ...args: unknown[]) {
    handlers.get(name)?.forEach((fn) => fn(...args))
  },
}

// Page lifecycle hooks: in jsdom a page is just mounted; there is no hide or pull-down. A test shows
// the page again with showPage(), which runs every mounted useDidShow callback (the latest closure,
// as Taro's hook does).
const shows = new Set<{ current: () => void }>()

export function useDidShow(fn: () => void): void {
  const ref = useRef(fn)
  ref.current = fn
  useLayoutEffect(() => {
    shows.add(ref)
    return () => void shows.delete(ref)
  }, [])
}

/** The person comes back to the page (a tab tapped again, or back from a sub-page). */
export function showPage(): void {
  act(() => shows.forEach((ref) => ref.current()))
}
export function useDidHide(): void {}
export function useLaunch(): void {}
export function usePullDownRefresh(): void {}
export function useShareAppMessage(): void {}
export function useReady(): void {}

const Taro = {
  ENV_TYPE,
  getEnv,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  switchTab,
  reLaunch,
  navigateTo,
  redirectTo,
  showToast,
  showModal,
  pageScrollTo,
  chooseImage,
  setClipboardData,
  stopPullDownRefresh,
  showShareMenu,
  pxTransform,
  getCurrentInstance,
  eventCenter,
}

export default Taro
