/** The tab pages, in order. app.config.ts declares the same list for the platform's tab routing. */
export type TabKey = 'home' | 'rank' | 'mall' | 'mine' | 'manage'

export interface TabItem {
  key: TabKey
  text: string
  pagePath: string
  /** Only owners, admins and organisers see it. */
  staffOnly?: boolean
}

export const TABS: readonly TabItem[] = [
  { key: 'home', text: '首页', pagePath: 'pages/home/index' },
  { key: 'rank', text: '排行', pagePath: 'pages/rank/index' },
  { key: 'mall', text: '商城', pagePath: 'pages/mall/index' },
  { key: 'mine', text: '我的', pagePath: 'pages/mine/index' },
  { key: 'manage', text: '管理', pagePath: 'pages/manage/index', staffOnly: true },
]

export function tabUrl(key: TabKey): string {
  const tab = TABS.find((t) => t.key === key)
  return `/${tab ? tab.pagePath : TABS[0].pagePath}`
}
