import { Text, View } from '@tarojs/components'
import { ruleWeights } from '@core/points'
import BarChart from '@/components/BarChart'
import LinkCell from '@/components/LinkCell'
import StaffGate from '@/components/StaffGate'
import { ErrorView, LoadingView } from '@/components/StateView'
import { usePointRules } from '@/hooks/usePoints'
import { CellGroup } from '@/ui/nutui'
import type { RulesResult } from '@/services/points'
import RuleEditor from './RuleEditor'
import './index.scss'

/** 积分规则: the community's points table, editable by owners and admins. */
export default function PointRulesPage() {
  return (
    <View className='qh-page'>
      <StaffGate>{() => <RulesBody />}</StaffGate>
    </View>
  )
}

function RulesBody() {
  const rules = usePointRules()
  if (!rules.data && rules.loading) return <LoadingView />
  if (!rules.data)
    return <ErrorView message={rules.error?.message ?? '加载失败'} onRetry={() => void rules.refresh()} />
  const { canEdit } = rules.data
  return (
    <View>
      <CellGroup>
        <LinkCell
          title='积分调整与补签卡'
          description='给成员加减积分、发放补签卡'
          extra='前往'
          url='/packages/admin/points/grant/index'
        />
        <LinkCell
          title='操作记录'
          description='所有调整、发放与规则修改'
          extra='查看'
          url='/packages/admin/points/audit/index'
        />
      </CellGroup>
      <Text className='qh-note apts-tip'>
        {canEdit
          ? '每条规则可设每日上限，留空表示不限。修改只影响之后获得的积分。'
          : '只有主理人和管理员可以修改积分规则。'}
      </Text>
      <RuleWeights rules={rules.data.rules} />
      {rules.data.rules.map((rule) => (
        <RuleEditor
          key={`${rule.key}:${rule.points}:${rule.dailyCap}:${rule.enabled}`}
          rule={rule}
          canEdit={canEdit}
          onSaved={(saved) =>
            rules.setData((current) =>
              current
                ? { ...current, rules: current.rules.map((r) => (r.key === saved.key ? saved : r)) }
                : current,
            )
          }
        />
      ))}
    </View>
  )
}

/** How much each paying rule weighs, in daily check-ins: the economy at a glance for the owner. */
function RuleWeights({ rules }: { rules: RulesResult['rules'] }) {
  const weights = ruleWeights(rules)
  if (weights.length === 0) return null
  return (
    <View className='qh-card apts-weights'>
      <Text className='qh-card__title'>各项奖励的分量</Text>
      <BarChart
        bars={weights.map((w) => ({
          label: w.name,
          value: w.points,
          display: w.checkins === null ? `${w.points} 分` : `${w.points} 分 ≈ ${w.checkins} 次打卡`,
          tone: w.key === 'checkin' ? 'good' : 'primary',
        }))}
      />
      <Text className='qh-note'>
        周榜和月榜只计日常积累的积分：问卷奖励计入余额、等级和总榜，不计入周榜、月榜与月度 Top
        3，免得答一份问卷就冲上榜首。
      </Text>
    </View>
  )
}
