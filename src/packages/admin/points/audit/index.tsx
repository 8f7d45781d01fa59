import { Text, View } from '@tarojs/components'
import StaffGate from '@/components/StaffGate'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { useAuditLog } from '@/hooks/usePoints'
import type { AuditEntry } from '@/services/points'
import { Button } from '@/ui/nutui'
import '../index.scss'
import { fullDateTimeText } from '@/ui/dates'

function describe(a: AuditEntry): string {
  if (a.kind === 'adjust')
    return `${a.byNickname} 给 ${a.targetNickname} ${(a.amount ?? 0) > 0 ? '加' : '扣'} ${Math.abs(a.amount ?? 0)} 分`
  if (a.kind === 'makeup_cards') return `${a.byNickname} 给 ${a.targetNickname} 发放 ${a.amount} 张补签卡`
  if (a.kind === 'feature')
    return `${a.byNickname} 将 ${a.targetNickname} 的${a.reason.includes('帖子') ? '帖子' : '日记'}设为精选，发放 ${a.amount ?? 0} 分`
  if (a.kind === 'challenge_reward') return `${a.byNickname} 创建打卡挑战，完成奖励 ${a.amount ?? 0} 分`
  if (a.kind === 'survey_reward')
    return a.amount === null
      ? `${a.byNickname} 设置问卷奖励为「完成问卷」规则`
      : `${a.byNickname} 设置问卷奖励 ${a.amount} 分`
  if (a.kind === 'ceiling') return `${a.byNickname} 修改奖励上限为 ${a.amount} 分`
  if (a.kind === 'role') return `${a.byNickname} 调整 ${a.targetNickname} 的角色：${a.reason}`
  if (a.kind === 'top3_reward') return `${a.byNickname} 修改月度 Top3 奖励`
  if (a.kind === 'post_revoke')
    return `${a.byNickname} 撤销 ${a.targetNickname} 的有效发言积分 ${Math.abs(a.amount ?? 0)} 分`
  return `${a.byNickname} 修改积分规则`
}

/** 积分操作记录: every staff action that sets or pays points, newest first. */
export default function AuditPage() {
  return (
    <View className='qh-page'>
      <StaffGate>{() => <AuditBody />}</StaffGate>
    </View>
  )
}

function AuditBody() {
  const log = useAuditLog()
  if (log.loading) return <LoadingView />
  if (log.error && !log.items.length)
    return <ErrorView message={log.error.message} onRetry={() => void log.reload()} />
  if (!log.items.length)
    return (
      <EmptyView
        title='还没有操作记录'
        description='调整积分、发放补签卡、修改规则和设置奖励都会记在这里。'
      />
    )
  return (
    <View className='qh-card'>
      {log.items.map((a) => (
        <View key={a.id} className='apts-audit'>
          <Text>{describe(a)}</Text>
          <Text className='qh-muted'>{a.reason}</Text>
          <Text className='qh-note'>{fullDateTimeText(a.createdAt)}</Text>
        </View>
      ))}
      {log.hasMore && (
        <Button fill='none' size='small' loading={log.loadingMore} onClick={() => void log.loadMore()}>
          加载更多
        </Button>
      )}
    </View>
  )
}
