/** How the violations ladder reads on screen: each step's consequence, stated before it is recorded. */
import { MUTE_HOURS, NOTICE_DAYS, STEP_NAMES, type LadderStep } from '@core/sanctions'

export const STEP_CONSEQUENCES: Record<LadderStep, string> = {
  1: '只有 TA 本人会在「我的违规记录」里看到这条提醒，并收到通知。',
  2: `TA 的昵称和原因会出现在社群公告上，公示 ${NOTICE_DAYS} 天。`,
  3: `TA 将被禁言 ${MUTE_HOURS} 小时，期间不能打卡留言或发表文字。`,
  4: 'TA 将被移出社群，同时生成一条移出任务，需要管理员到微信群里把 TA 移出。',
}

export const stepLabel = (step: LadderStep) => `第 ${step} 步 · ${STEP_NAMES[step]}`

export const STATE_NAMES = { live: '生效中', expired: '已过期', overturned: '已撤销' } as const
