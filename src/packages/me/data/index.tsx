import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { toCsv } from '@core/csv'
import { DELETE_ME_CONFIRMATION } from '@core/erasure'
import { ErrorView, LoadingView } from '@/components/StateView'
import { meStore } from '@/hooks/meStore'
import { useLoader } from '@/hooks/useLoader'
import { forgetCommunity } from '@/services/community-context'
import { CSV_SAVED_MESSAGE, saveCsv } from '@/services/csv'
import * as member from '@/services/member'
import type { MyDataSection } from '@/services/member'
import { toServiceError } from '@/services/service-error'
import { tabUrl } from '@/tabs'
import { Button } from '@/ui/nutui'
import '../me.scss'

/** Rows a section shows before 导出 (the export has them all). */
const SHOWN_ROWS = 20

/** The export's file name: Chinese, with the section and the day. */
function fileName(section: MyDataSection, at: string): string {
  return `我的数据-${section.title}-${at.slice(0, 10)}.csv`
}

/** 我的数据 (SPEC §10): everything held about me, each section exportable as CSV; and 注销. */
export default function MyDataPage() {
  const data = useLoader(() => member.myData(), [])
  const [confirm, setConfirm] = useState('')
  const [asking, setAsking] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [error, setError] = useState<string | null>(null)

  if (!data.data && data.loading) return <LoadingView />
  if (!data.data)
    return <ErrorView message={data.error?.message ?? '加载失败'} onRetry={() => void data.refresh()} />
  const { sections, at } = data.data

  async function exportSection(section: MyDataSection) {
    const saved = await saveCsv(fileName(section, at), toCsv(section.header, section.rows))
    void Taro.showToast({ title: CSV_SAVED_MESSAGE[saved], icon: 'none' })
  }

  async function deleteMe() {
    setDeleting(true)
    setError(null)
    try {
      await member.deleteMe(confirm.trim())
      forgetCommunity()
      await meStore.refresh()
      void Taro.showToast({ title: '已注销', icon: 'success' })
      await Taro.reLaunch({ url: tabUrl('home') })
    } catch (err) {
      setError(toServiceError(err).message)
    } finally {
      setDeleting(false)
    }
  }

  return (
    <View className='qh-page'>
      <Text className='qh-note me-section__note'>
        这里是社群保存的关于你的全部信息。每一部分都可以导出为 CSV 表格。
      </Text>
      {sections.map((section) => (
        <View key={section.key} className='qh-card'>
          <Text className='qh-card__title'>
            {section.title}（{section.rows.length}）
          </Text>
          {section.note && <Text className='qh-note me-section__note'>{section.note}</Text>}
          {section.rows.length === 0 ? (
            <Text className='qh-note'>没有记录</Text>
          ) : (
            <View className='me-table'>
              <View className='me-row me-row--head'>
                {section.header.map((h) => (
                  <Text key={h} className='me-row__cell'>
                    {h}
                  </Text>
                ))}
              </View>
              {section.rows.slice(0, SHOWN_ROWS).map((row, i) => (
                <View key={i} className='me-row'>
                  {row.map((cell, j) => (
                    <Text key={j} className='me-row__cell'>
                      {cell ?? ''}
                    </Text>
                  ))}
                </View>
              ))}
              {section.rows.length > SHOWN_ROWS && (
                <Text className='qh-note'>只显示前 {SHOWN_ROWS} 条，导出可得全部</Text>
              )}
            </View>
          )}
          <Button size='small' fill='outline' onClick={() => void exportSection(section)}>
            导出{section.title}
          </Button>
        </View>
      ))}

      <View className='qh-card me-danger'>
        <Text className='qh-card__title'>注销</Text>
        <Text className='qh-note me-section__note'>
          注销后，你在所有社群的昵称、头像、打卡日记、自我介绍、问卷文字回答和违规记录都会被删除，成员身份随之结束，且无法恢复。积分流水为了账目准确会保留，但不再与你有任何关联。
        </Text>
        {!asking ? (
          <Button type='danger' fill='outline' size='small' onClick={() => setAsking(true)}>
            注销我的数据
          </Button>
        ) : (
          <View>
            <Text className='qh-note'>请输入「{DELETE_ME_CONFIRMATION}」确认：</Text>
            <Input
              className='me-input'
              placeholder={DELETE_ME_CONFIRMATION}
              value={confirm}
              onInput={(e) => setConfirm(e.detail.value)}
            />
            {error && <Text className='me-error'>{error}</Text>}
            <Button
              type='danger'
              block
              disabled={confirm.trim() !== DELETE_ME_CONFIRMATION}
              loading={deleting}
              onClick={() => void deleteMe()}
            >
              确认注销
            </Button>
          </View>
        )}
      </View>
    </View>
  )
}
