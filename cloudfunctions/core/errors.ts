/**
 * Stable error codes every action may return. The code is the contract for programs; the message
 * is what a member reads. Codes never change meaning once shipped.
 */
export const ERROR_MESSAGES = {
  INVALID_INPUT: '提交的内容不完整或格式不对',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '无法识别你的微信身份，请重新打开小程序',
  NOT_MEMBER: '你还不是这个社群的成员',
  FORBIDDEN: '你没有权限进行这个操作',
  NOT_FOUND: '要找的内容不存在',
  INVITE_CODE_INVALID: '邀请码无效，请向群主确认',
  GROUP_NOT_BOUND: '这个群还没有绑定社群，请联系群主',
  GROUP_SHARE_EXPIRED: '群信息已过期，请从群里重新打开小程序',
  GROUP_BOUND_ELSEWHERE: '这个群已经绑定了其他社群，一个群只能属于一个社群',
  CONTENT_RISKY: '内容包含不适宜的信息，请修改后再提交',
  CONTENT_CHANGED: '这条内容在你查看之后有了变化，请刷新后重新审核',
  CONFLICT: '操作太频繁，请稍后再试',
  INSUFFICIENT_POINTS: '积分不足',
  INTERNAL: '服务开小差了，请稍后再试',
  JOIN_PENDING: '你的入群申请正在审核中，请耐心等待',
  JOIN_REQUEST_CLOSED: '这条入群申请已处理或已过期',
  QUIZ_COOLDOWN: '入群答题未通过，请稍后再试',
  RULES_VERSION_STALE: '群规已更新，请阅读最新版本后再确认',
  ALREADY_CHECKED_IN: '这一天已经打过卡了',
  MAKEUP_DAY_INVALID: '这一天不能补签',
  NO_MAKEUP_CARDS: '补签卡不足，可以在积分商城兑换或向管理员申请',
  CHALLENGE_CLOSED: '这个挑战已经结束或已无法完成',
  CHALLENGE_START_INVALID: '挑战开始日期不能早于今天',
  INVALID_CURSOR: '列表已过期，请刷新后重试',
  // Points mall
  ITEM_OFF_SHELF: '这件商品已下架',
  SOLD_OUT: '已兑完',
  LIMIT_REACHED: '超出限兑次数',
  LEVEL_TOO_LOW: '等级不够，暂时不能兑换',
  ORDER_STATE: '订单状态已变化，请刷新后再试',
  // Value score (issue 4)
  WAKE_UP_TOO_SOON: '30 天内已唤醒过这位成员，请稍后再试',
  NOT_SILENT: '这位成员最近有活动，不需要唤醒',
  FEATURE_OWN_NOTE: '不能把自己的日记设为精选',
  LIKE_OWN_NOTE: '不能给自己的日记点赞',
  NOTE_DAY_OVER: '只能在打卡当天修改或删除日记，这一天已经过去了',
  NOTE_FEATURED: '这篇日记已被设为精选，不能再修改或删除',
  // Surveys
  SURVEY_NOT_OPEN: '这份问卷还没有发布',
  SURVEY_CLOSED: '这份问卷已经结束',
  SURVEY_LOCKED: '问卷已发布，题目不能再修改',
  // Staff-set rewards (challenges, surveys, activities)
  REWARD_OVER_CEILING: '奖励超过了主理人设定的上限',
  // Setup and the team (issue 11)
  OWNED_LIMIT: '你拥有的社群已达上限',
  // Sanctions (issue 11): the message of MUTED and QUIET_HOURS says until when.
  MUTED: '你已被禁言，暂时不能发言',
  QUIET_HOURS: '现在是社群的安静时段，暂时不能发言',
  APPEAL_CLOSED: '这条违规不能再申诉',
  SANCTION_NOT_ALLOWED: '不能处理这位成员',
  OWNER_CANNOT_LEAVE: '主理人需要先把社群交给一位管理员，才能退出',
  // Activities: sign-up and attendance (issue 12); core/signup.ts says which applies and why.
  ACTIVITY_NOT_OPEN: '活动还没有开放报名',
  SIGNUP_CLOSED: '报名已截止',
  SIGNUP_LEVEL_TOO_LOW: '等级不够，暂时不能报名这个活动',
  ATTEND_CLOSED: '现在不在签到时间内',
  ATTEND_NOT_CONFIRMED: '你没有报名这个活动',
  ATTEND_CODE_WRONG: '签到码不对或已过期，请看现场最新的签到码',
  // The activity SOP (issue 12)
  TASK_CLOSED: '这项任务已经处理过了',
  TASK_AUTO: '这一步由系统自动完成，无需手动处理',
  // The square (issue 13)
  LIKE_OWN_POST: '不能给自己的帖子点赞',
  FEATURE_OWN_POST: '不能把自己的帖子设为精选',
  REPORT_OWN_POST: '不能举报自己的内容',
  POST_NOT_OPEN: '这条帖子现在不能回复或点赞',
  NOTHING_TO_REVOKE: '这条帖子没有发放过有效发言积分',
  AD_NOT_APPROVED: '发布广告需要先提交三证并通过审核',
  AD_QUOTA_USED: '本月的广告发布次数已用完',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export interface ActionError {
  code: ErrorCode
  message: string
  /** Field-level details for INVALID_INPUT, keyed by input path. */
  fields?: Record<string, string>
}

/**
 * `community`: the community the caller acts in after the call (a join reports the new one); the
 * client sends it back as `_community` on its next calls. The handler sets it on successful answers
 * inside a community; a refusal changes nothing, so it leaves the client's community as it was.
 */
export type ActionResult<T> =
  { ok: true; data: T; community?: string } | { ok: false; error: ActionError; community?: string }

export function errorOf(code: ErrorCode, message?: string, fields?: Record<string, string>): ActionError {
  return fields
    ? { code, message: message ?? ERROR_MESSAGES[code], fields }
    : { code, message: message ?? ERROR_MESSAGES[code] }
}
