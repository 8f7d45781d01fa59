import { TABS } from './tabs'

const h5Only = process.env.TARO_ENV === 'h5' ? ['pages/dev-login/index'] : []

export default defineAppConfig({
  pages: [...TABS.map((t) => t.pagePath), ...h5Only],
  subPackages: [
    {
      root: 'packages/checkin',
      pages: ['calendar/index', 'challenges/index', 'poster/index'],
    },
    {
      root: 'packages/points',
      pages: ['ledger/index', 'level/index'],
    },
    {
      root: 'packages/onboarding',
      pages: ['handbook/index', 'join/index', 'intro/index', 'profile/index', 'create/index'],
    },
    {
      root: 'packages/mall',
      pages: ['item/index', 'orders/index', 'inventory/index'],
    },
    {
      root: 'packages/survey',
      pages: ['list/index', 'answer/index', 'thanks/index'],
    },
    {
      root: 'packages/invite',
      pages: ['friends/index'],
    },
    {
      root: 'packages/standing',
      pages: ['score/index'],
    },
    {
      root: 'packages/me',
      pages: ['profile/index', 'data/index', 'violations/index', 'notices/index'],
    },
    {
      root: 'packages/activities',
      pages: ['calendar/index', 'detail/index'],
    },
    {
      // The community square (issue 13): the tab bar is full (5 tabs), so it opens from home.
      root: 'packages/square',
      pages: ['feed/index', 'compose/index', 'post/index', 'ads/index'],
    },
    {
      root: 'packages/admin',
      pages: [
        'community/index',
        'team/index',
        'groups/index',
        'checkin/index',
        'points/index',
        'points/grant/index',
        'points/audit/index',
        'onboarding/reviews/index',
        'onboarding/handbook/index',
        'onboarding/join/index',
        'onboarding/moderation/index',
        'mall/index',
        'mall/edit/index',
        'mall/orders/index',
        'rank/index',
        'tiers/index',
        'tiers/member/index',
        'members/index',
        'members/member/index',
        'survey/index',
        'survey/edit/index',
        'survey/results/index',
        'sanctions/index',
        'activities/index',
        'activities/edit/index',
        'activities/signups/index',
        'activities/tasks/index',
        'activities/review/index',
        'square/index',
        'square/ads/index',
        'dashboard/index',
      ],
    },
  ],
  // Custom: the tab pages draw components/TabBar themselves (the 管理 tab shows only for staff, and
  // Taro's H5 build has no custom-tab-bar support). The list still makes them tab pages for switchTab.
  tabBar: {
    custom: true,
    color: '#8a8580',
    selectedColor: '#f0642d',
    backgroundColor: '#ffffff',
    list: TABS.map((t) => ({ pagePath: t.pagePath, text: t.text })),
  },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f7f4f0',
    navigationBarBackgroundColor: '#f7f4f0',
    navigationBarTitleText: '群活',
    navigationBarTextStyle: 'black',
    // Weapp's default; Taro's H5 router draws its title bar (title, back, home) only when it is said.
    navigationStyle: 'default',
  },
  lazyCodeLoading: 'requiredComponents',
  // The redeem sheet fills a physical gift's address from WeChat (mall/DeliveryForm); the privacy
  // agreement must declare it too, and the typed form stays as the fallback.
  requiredPrivateInfos: ['chooseAddress'],
})
