import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { TOP3_POINTS_MAX, type RankSettings } from '@core/leaderboard'
import LoadMore from '@/components/LoadMore'
import StaffGate from '@/components/StaffGate'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { useCursorPages } from '@/hooks/useCursorPages'
import { useLoader } from '@/hooks/useLoader'
import { useSaving } from '@/hooks/useSaving'
import * as rank from '@/services/rank'
import type { MonthlyResult, RankSettingsResult } from '@/services/rank'
import { Button, Input, Switch } from '@/ui/nutui'
import './index.scss'

const PLACES = ['第 1 名', '第 2 名', '第 3 名']

/** 排行榜设置: hide staff and the monthly Top-3 reward (owner, admin), and past Top-3 results (staff). */
export default function RankAdminPage() {
  return (
    <View className='qh-page'>
      <StaffGate>
        {(_community, member) => (
          <View>
            {member.role === 'owner' || member.role === 'admin' ? (
              <SettingsCard />
            ) : (
              <Text className='qh-note'>只有主理人和管理员可以修改排行榜设置。</Text>
            )}
            <Text className='qh-section-title'>往期月度 Top 3</Text>
            <PastResults />
          </View>
        )}
      </StaffGate>
    </View>
  )
}

function SettingsCard() {
  const saved = useLoader(() => rank.settings(), [])
  if (!saved.data && saved.error)
    return <ErrorView message={saved.error.message} onRetry={() => void saved.refresh()} />
  if (!saved.data) return <LoadingView />
  return <SettingsForm key={saved.data.updatedAt ?? 'default'} saved={saved.data} onSaved={saved.setData} />
}

function SettingsForm({
  saved,
  onSaved,
}: {
  saved: RankSettingsResult
  onSaved: (next: RankSettingsResult) => void
}) {
  const [hideStaff, setHideStaff] = useState(saved.hideStaff)
  const [enabled, setEnabled] = useState(saved.top3.enabled)
  const [points, setPoints] = useState(saved.top3.points.map(String))
  const [confirming, setConfirming] = useState(false)
  const saving = useSaving()
  const draft: RankSettings = {
    hideStaff,
    top3: { enabled, points: points.map((p) => Number(p)) as RankSettings['top3']['points'] },
  }
  const invalid = draft.top3.points.some((p) => !Number.isInteger(p) || p < 0 || p > TOP3_POINTS_MAX)

  const save = () =>
    saving.run(async () => {
      onSaved(await rank.saveSettings(draft))
      setConfirming(false)
    }, '已保存')

  return (
    <View className='qh-card arank'>
      <View className='arank__row'>
        <View className='arank__text'>
          <Text className='arank__name'>管理员不参与排名</Text>
          <Text className='qh-note'>主理人、管理员和活动官不出现在排行榜上，也不参与月度 Top 3。</Text>
        </View>
        <Switch
          className='arank__switch arank__switch--staff'
          checked={hideStaff}
          ariaLabel='管理员不参与排名'
          onChange={(on: boolean) => setHideStaff(on)}
        />
      </View>
      <View className='arank__row'>
        <View className='arank__text'>
          <Text className='arank__name'>月度 Top 3 奖励</Text>
          <Text className='qh-note'>
            每月 1 日凌晨自动发给上月月榜前三名，并发送订阅消息通知；并列的名次都会获得奖励。
          </Text>
        </View>
        <Switch
          className='arank__switch arank__switch--top3'
          checked={enabled}
          ariaLabel='月度 Top 3 奖励'
          onChange={(on: boolean) => setEnabled(on)}
        />
      </View>
      {enabled &&
        PLACES.map((place, i) => (
          <View className='arank__field' key={place}>
            <Text className='arank__label'>{place}</Text>
            <Input
              className='arank__input'
              type='number'
              value={points[i]}
              onChange={(v) => setPoints(points.map((p, j) => (j === i ? v : p)))}
            />
            <Text className='qh-muted'>分</Text>
          </View>
        ))}
      {invalid && <Text className='arank__error'>{`奖励积分需为 0–${TOP3_POINTS_MAX} 的整数`}</Text>}
      {saving.error && <Text className='arank__error'>{saving.error}</Text>}
      {confirming ? (
        <View className='arank__confirm'>
          <Text>
            确认保存？
            {hideStaff !== saved.hideStaff
              ? hideStaff
                ? '管理员将立即从榜单移除。'
                : '管理员将立即回到榜单。'
              : ''}
          </Text>
          <View className='arank__actions'>
            <Button size='small' fill='outline' onClick={() => setConfirming(false)}>
              取消
            </Button>
            <Button size='small' type='primary' loading={saving.saving} onClick={() => void save()}>
              确认保存
            </Button>
          </View>
        </View>
      ) : (
        <Button block type='primary' disabled={invalid} onClick={() => setConfirming(true)}>
          保存设置
        </Button>
      )}
    </View>
  )
}

function PastResults() {
  const pages = useCursorPages((cursor) => rank.monthlyResults(cursor), [])
  if (!pages.data && pages.error)
    return <ErrorView message={pages.error.message} onRetry={() => void pages.refresh()} />
  if (!pages.data) return <LoadingView />
  if (!pages.items.length)
    return <EmptyView title='还没有往期结果' description='每月 1 日凌晨结算上个月的 Top 3 后会显示在这里。' />
  return (
    <View>
      {pages.items.map((result) => (
        <ResultCard key={result.monthKey} result={result} />
      ))}
      <LoadMore pages={pages} />
    </View>
  )
}

function ResultCard({ result }: { result: MonthlyResult }) {
  return (
    <View className='qh-card arank-result'>
      <Text className='arank__name'>{result.label}</Text>
      {result.status === 'disabled' && <Text className='qh-note'>当月未开启 Top 3 奖励</Text>}
      {result.status === 'paid' && !result.winners.length && (
        <Text className='qh-note'>当月没有人获得积分</Text>
      )}
      {result.winners.map((w, i) => (
        <View className='arank-result__row' key={i}>
          <Text className='arank-result__rank'>{`第 ${w.rank} 名`}</Text>
          <Text className='arank-result__name'>{w.nickname}</Text>
          <Text className='qh-muted'>{`${w.value} 分 · 奖励 ${w.paid ? `${w.points} 分` : '未发放（已退群）'}`}</Text>
          <Text className='qh-note'>
            {w.told ? '已通知' : w.told === false ? '未订阅，未通知' : '待通知'}
          </Text>
        </View>
      ))}
    </View>
  )
}
