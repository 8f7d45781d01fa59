import { View } from '@tarojs/components'
import { MemberScore } from '@/components/ScoreExplanation'
import { ErrorView, LoadingView } from '@/components/StateView'
import { useMyScore } from '@/hooks/useScore'

/** 我的活跃度: last week's value score explained, this week so far, and recent weeks. */
export default function MyScorePage() {
  const score = useMyScore()
  if (!score.data && score.loading) return <LoadingView />
  if (!score.data)
    return <ErrorView message={score.error?.message ?? '加载失败'} onRetry={() => void score.refresh()} />
  return (
    <View className='qh-page'>
      <MemberScore view={score.data} />
    </View>
  )
}
