import { can, type Right } from '@core/rights'
import type { Role } from '@core/roles'
import type { BadgeKey } from '@core/contracts/dashboard'

export interface ManageTool {
  /** The pending-work count shown on the tool (dashboard badges). */
  badges?: BadgeKey[]
  title: string
  description: string
  extra: string
  url: string
  /** The right (core/rights) a role needs to see the tool; its actions check the same right. */
  right: Right
}

/** The admin screens (packages/admin), in the order the tab lists them. */
export const TOOLS: ManageTool[] = [
  {
    title: '数据看板',
    description: '社群健康指标、预警与行动建议、导出每日数据',
    extra: '查看',
    url: '/packages/admin/dashboard/index',
    right: 'dashboard',
    badges: ['alerts'],
  },
  {
    title: '社群设置',
    description: '名称、口号、标志、邀请码与奖励上限',
    extra: '设置',
    url: '/packages/admin/community/index',
    right: 'settings',
  },
  {
    title: '团队与角色',
    description: '任命管理员、活动官与志愿者，转让主理人',
    extra: '管理',
    url: '/packages/admin/team/index',
    right: 'team',
  },
  {
    title: '微信群与活码',
    description: '绑定本群、各群人数、社群活码',
    extra: '管理',
    url: '/packages/admin/groups/index',
    right: 'groups',
  },
  {
    title: '成员管理',
    description: '搜索与筛选成员、成员档案、备注、导出',
    extra: '查看',
    url: '/packages/admin/members/index',
    right: 'members',
  },
  {
    title: '违规与申诉',
    description: '记录违规、阶梯处罚、处理申诉与移出任务',
    extra: '处理',
    url: '/packages/admin/sanctions/index',
    right: 'sanctions',
  },
  {
    title: '活动与日程',
    description: '发布活动与系列、活动日历、221 规划、SOP 任务',
    extra: '管理',
    url: '/packages/admin/activities/index',
    right: 'activities',
    badges: ['sopTasks'],
  },
  {
    title: '打卡挑战',
    description: '发起挑战，查看参与率与持续参与率',
    extra: '管理',
    url: '/packages/admin/checkin/index',
    right: 'challenges',
  },
  {
    title: '积分与等级',
    description: '积分规则、调整积分、发补签卡、操作记录',
    extra: '管理',
    url: '/packages/admin/points/index',
    right: 'points',
  },
  {
    title: '排行榜',
    description: '管理员是否参与排名、月度 Top 3 奖励与往期结果',
    extra: '设置',
    url: '/packages/admin/rank/index',
    right: 'rank',
  },
  {
    title: '成员分层',
    description: '每周活跃度分布、各层成员、给沉默成员发送唤醒通知',
    extra: '查看',
    url: '/packages/admin/tiers/index',
    right: 'tiers',
  },
  {
    title: '入群审核',
    description: '待审核的入群申请，3 天未处理自动过期',
    extra: '处理',
    url: '/packages/admin/onboarding/reviews/index',
    right: 'joinReviews',
    badges: ['joinRequests'],
  },
  {
    title: '新人手册与群规',
    description: '编辑手册、发布群规，查看谁还没确认',
    extra: '编辑',
    url: '/packages/admin/onboarding/handbook/index',
    // Organisers write the handbook (SPEC: 内容官); publishing rules stays with owner and admins on the page.
    right: 'onboarding',
  },
  {
    title: '入群方式',
    description: '直接加入、管理员审核或入群答题；入群问卷',
    extra: '设置',
    url: '/packages/admin/onboarding/join/index',
    right: 'onboarding',
  },
  {
    title: '内容审核',
    description: '待审核的成员内容与社群词表',
    extra: '审核',
    url: '/packages/admin/onboarding/moderation/index',
    right: 'moderation',
    badges: ['heldContent', 'reports'],
  },
  {
    title: '商城与订单',
    description: '上架商品、处理兑换订单、导出 CSV',
    extra: '管理',
    url: '/packages/admin/mall/index',
    right: 'mall',
    badges: ['orders'],
  },
  {
    title: '问卷',
    description: '创建与发布问卷、查看统计图、导出回答；入群问卷',
    extra: '管理',
    url: '/packages/admin/survey/index',
    right: 'surveys',
  },
  {
    title: '广场内容结构',
    description: '近 4 周干货/互动/生活对照 3:5:2，日均发帖对照 ≥50',
    extra: '查看',
    url: '/packages/admin/square/index',
    right: 'square',
  },
  {
    title: '广告审核',
    description: '审核成员的三证申请，设定每月可发布的广告条数',
    extra: '审核',
    url: '/packages/admin/square/ads/index',
    right: 'square',
  },
]

/**
 * The tools `role` may use: the tab shows nothing that would answer 没有权限. An organiser titled 数据官
 * also gets the dashboard (`dashboard`: the badges answer says so).
 */
export function toolsFor(role: Role, dashboard = false): ManageTool[] {
  return TOOLS.filter((t) => can(role, t.right) || (t.right === 'dashboard' && dashboard))
}

/** A tool's pending-work count from the badges answer. */
export function pendingOf(tool: ManageTool, counts: Partial<Record<BadgeKey, number>>): number {
  return (tool.badges ?? []).reduce((sum, key) => sum + (counts[key] ?? 0), 0)
}
