import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import StaffGate from '@/components/StaffGate'
import { EmptyView, PendingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { CSV_SAVED_MESSAGE, saveCsv } from '@/services/csv'
import * as surveys from '@/services/survey'
import { toServiceError } from '@/services/transport'
import { Button } from '@/ui/nutui'
import QuestionResult from './QuestionResult'
import '../survey-admin.scss'

/** 问卷结果: per-question charts, text answers, closing the survey and the CSV export. */
export default function SurveyResultsPage() {
  const id = decodeURIComponent(useRouter().params?.id ?? '')
  return (
    <View className='qh-page'>
      <StaffGate>{() => <Results id={id} />}</StaffGate>
    </View>
  )
}

function Results({ id }: { id: string }) {
  const loaded = useLoader(() => surveys.results(id), [id])
  const [busy, setBusy] = useState<'close' | 'export' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const r = loaded.data
  if (!r) return <PendingView loader={loaded} />
  const { survey } = r

  async function close() {
    const { confirm } = await Taro.showModal({
      title: '结束问卷',
      content: '结束后成员不能再填写，结果会保留。确定结束吗？',
      confirmText: '确定结束',
    })
    if (!confirm) return
    setBusy('close')
    setError(null)
    try {
      await surveys.close(id)
      await loaded.refresh()
    } catch (err) {
      setError(toServiceError(err).message)
    } finally {
      setBusy(null)
    }
  }

  async function exportCsv() {
    setBusy('export')
    setError(null)
    try {
      let cursor: string | undefined
      let saved: Awaited<ReturnType<typeof saveCsv>> = 'downloaded'
      do {
        const part = await surveys.exportResponses(id, cursor)
        saved = await saveCsv(part.fileName, part.csv)
        cursor = part.nextCursor ?? undefined
      } while (cursor)
      void Taro.showToast({ title: CSV_SAVED_MESSAGE[saved], icon: 'none' })
    } catch (err) {
      setError(toServiceError(err).message)
    } finally {
      setBusy(null)
    }
  }

  return (
    <View>
      <View className='qh-card'>
        <Text className='qh-card__title'>{survey.title}</Text>
        <View className='sa-stat'>
          <View>
            <Text className='sa-stat__value'>{String(r.responses)}</Text>
            <Text className='qh-muted'>份回答</Text>
          </View>
          <View>
            <Text className='sa-stat__value'>{survey.kind === 'entry' ? '入群' : survey.statusName}</Text>
            <Text className='qh-muted'>{survey.anonymous ? '匿名问卷' : '实名问卷'}</Text>
          </View>
        </View>
        <Text className='qh-note'>
          {[
            survey.deadline ? `${dayjs(survey.deadline).format('M月D日 HH:mm')} 截止` : '',
            survey.kind === 'survey' ? `每份奖励 ${survey.reward} 积分` : '',
            r.countingSince ? `自 ${dayjs(r.countingSince).format('M月D日')} 修改题目后重新统计` : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {error && <Text className='sv-error'>{error}</Text>}
        <View className='sa-actions'>
          <Button
            type='primary'
            loading={busy === 'export'}
            disabled={!!busy}
            onClick={() => void exportCsv()}
          >
            导出 CSV
          </Button>
          {survey.kind === 'survey' && survey.status === 'published' && (
            <Button fill='outline' loading={busy === 'close'} disabled={!!busy} onClick={() => void close()}>
              结束问卷
            </Button>
          )}
        </View>
      </View>
      {r.responses === 0 && (
        <EmptyView title='还没有人回答' description='成员提交后，这里会显示每道题的统计图。' />
      )}
      {r.questions.map((q, i) => (
        <QuestionResult key={q.id} surveyId={id} index={i} stats={q} />
      ))}
    </View>
  )
}
