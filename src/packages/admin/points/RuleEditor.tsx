import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ruleProblems } from '@core/points'
import { updateRule, type RuleView } from '@/services/points'
import { toServiceError } from '@/services/service-error'
import { Button, Input } from '@/ui/nutui'

const capText = (cap: number | null) => (cap === null ? '不限' : `${cap} 分`)

/** One rule: points, daily cap (empty = 不限), on/off; saving asks for a confirmation first. */
export default function RuleEditor({
  rule,
  canEdit,
  onSaved,
}: {
  rule: RuleView
  canEdit: boolean
  onSaved: (rule: RuleView) => void
}) {
  const [points, setPoints] = useState(String(rule.points))
  const [cap, setCap] = useState(rule.dailyCap === null ? '' : String(rule.dailyCap))
  const [enabled, setEnabled] = useState(rule.enabled)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [confirming, setConfirming] = useState(false)
  const [saving, setSaving] = useState(false)

  const draft = { points: Number(points), dailyCap: cap.trim() === '' ? null : Number(cap), enabled }
  const changed =
    draft.points !== rule.points || draft.dailyCap !== rule.dailyCap || draft.enabled !== rule.enabled

  const ask = () => {
    const problems = points.trim() === '' ? { points: '请填写分值' } : ruleProblems(draft)
    setErrors(problems ?? {})
    if (!problems) setConfirming(true)
  }

  const save = async () => {
    setSaving(true)
    try {
      const saved = await updateRule({ rule: rule.key, ...draft })
      setConfirming(false)
      onSaved(saved)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      const e = toServiceError(err)
      setErrors(e.fields ?? { form: e.message })
      setConfirming(false)
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='qh-card apts-rule' data-rule={rule.key}>
      <View className='apts-rule__head'>
        <Text className='apts-rule__name'>{rule.name}</Text>
        <Text className='qh-note'>
          {rule.enabled ? `${rule.points} 分 · 每日上限 ${capText(rule.dailyCap)}` : '已停用'}
          {rule.isDefault ? ' · 默认' : ''}
        </Text>
      </View>
      {canEdit && (
        <View>
          <View className='apts-field'>
            <Text className='apts-field__label'>分值</Text>
            <Input
              className='apts-input apts-input--points'
              type='number'
              value={points}
              onChange={(v) => {
                setPoints(v)
                setConfirming(false)
              }}
            />
          </View>
          {errors.points && <Text className='apts-error'>{errors.points}</Text>}
          <View className='apts-field'>
            <Text className='apts-field__label'>每日上限</Text>
            <Input
              className='apts-input apts-input--cap'
              type='number'
              placeholder='不限'
              value={cap}
              onChange={(v) => {
                setCap(v)
                setConfirming(false)
              }}
            />
          </View>
          {errors.dailyCap && <Text className='apts-error'>{errors.dailyCap}</Text>}
          <View className='apts-rule__actions'>
            <Button size='small' fill='outline' onClick={() => setEnabled(!enabled)}>
              {enabled ? '停用' : '启用'}
            </Button>
            <Button size='small' type='primary' disabled={!changed || saving} onClick={ask}>
              保存
            </Button>
          </View>
          {errors.form && <Text className='apts-error'>{errors.form}</Text>}
          {confirming && (
            <View className='apts-confirm'>
              <Text>
                确认把「{rule.name}」改为
                {enabled ? `每次 ${draft.points} 分，每日上限 ${capText(draft.dailyCap)}` : '停用'}？
                修改对之后获得的积分生效。
              </Text>
              <View className='apts-rule__actions'>
                <Button size='small' fill='outline' onClick={() => setConfirming(false)}>
                  取消
                </Button>
                <Button size='small' type='primary' loading={saving} onClick={() => void save()}>
                  确认修改
                </Button>
              </View>
            </View>
          )}
        </View>
      )}
    </View>
  )
}
