import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import Pill from '@/components/Pill'
import StaffGate from '@/components/StaffGate'
import { EmptyView, PendingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { saveExport } from '@/services/csv'
import * as surveys from '@/services/survey'
import { toServiceError } from '@/services/service-error'
import { Button } from '@/ui/nutui'
import QuestionResult from './QuestionResult'
import '../survey-admin.scss'
import { dayText, timeText } from '@/ui/dates'
import { confirmModal } from '@/ui/modal'

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
    const { confirm } = await confirmModal({
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
      const done = await saveExport((cursor) => surveys.exportResponses(id, cursor))
      void Taro.showToast({ title: done.message, icon: 'none' })
    } catch (err) {
      setError(toServiceError(err).message)
    } finally {
      setBusy(null)
    }
  }

  return (
    <View>
      <View className='qh-card'>
        <View className='sa-head'>
          <Text className='qh-card__title'>{survey.title}</Text>
          <View className='sa-head__pills'>
            <Pill tone={survey.status === 'published' ? 'soft' : 'quiet'}>
              {survey.kind === 'entry' ? '入群问卷' : survey.statusName}
            </Pill>
            <Pill tone='quiet'>{survey.anonymous ? '匿名' : '实名'}</Pill>
          </View>
        </View>
        <View className='sa-stats'>
          <View className='sa-stats__item'>
            <Text className='sa-stats__value'>{String(r.responses)}</Text>
            <Text className='sa-stats__label'>份回答</Text>
          </View>
          {survey.kind === 'survey' && (
            <View className='sa-stats__item'>
              <Text className='sa-stats__value'>{String(survey.reward)}</Text>
              <Text className='sa-stats__label'>每份奖励积分</Text>
            </View>
          )}
          {survey.deadline && (
            <View className='sa-stats__item'>
              <Text className='sa-stats__value'>{dayText(survey.deadline)}</Text>
              <Text className='sa-stats__label'>{`${timeText(survey.deadline)} 截止`}</Text>
            </View>
          )}
        </View>
        {r.countingSince && (
          <Text className='qh-note'>{`${dayText(r.countingSince)}修改过题目，之后的回答重新统计`}</Text>
        )}
        {error && <Text className='sv-error'>{error}</Text>}
        <View className='sa-actions'>
          <Button
            type='primary'
            loading={busy === 'export'}
            disabled={!!busy || r.responses === 0}
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
      {r.responses > 0 &&
        r.questions.map((q, i) => <QuestionResult key={q.id} surveyId={id} index={i} stats={q} />)}
    </View>
  )
}
