import { Image, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AD_DOCUMENTS, AD_DOCUMENT_NAMES, AD_DEFAULT_MONTHLY_QUOTA } from '@core/square'
import LoadMore from '@/components/LoadMore'
import { EmptyView, PendingView } from '@/components/StateView'
import { useCursorPages } from '@/hooks/useCursorPages'
import * as square from '@/services/square'
import type { AdApplicationView } from '@/services/square'
import { toServiceError } from '@/services/service-error'
import { previewUrl } from '@/services/upload'
import { Button, Input } from '@/ui/nutui'
import { dateTimeText } from '@/ui/dates'
import { confirmModal } from '@/ui/modal'
import '../../../square/square.scss'

/** One stored document image, drawn by a URL this platform can show. */
function DocumentImage({ fileId }: { fileId: string }) {
  const [src, setSrc] = useState(fileId.startsWith('https://') ? fileId : '')
  useEffect(() => {
    let live = true
    if (!fileId.startsWith('https://')) void previewUrl(fileId).then((url) => live && setSrc(url))
    return () => {
      live = false
    }
  }, [fileId])
  return src ? (
    <Image className='sq-post__photo' src={src} mode='aspectFill' />
  ) : (
    <Text className='qh-muted'>加载中…</Text>
  )
}

function Application({ app, onDone }: { app: AdApplicationView; onDone: () => void }) {
  const [quota, setQuota] = useState(String(app.quotaPerMonth || AD_DEFAULT_MONTHLY_QUOTA))
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function decide(decision: 'approve' | 'refuse') {
    const n = Number(quota)
    if (decision === 'approve' && !(Number.isInteger(n) && n >= 1 && n <= 30))
      return setError('每月条数应为 1–30 的整数')
    if (decision === 'refuse' && reason.trim().length < 2) return setError('请写明不通过的原因')
    const { confirm } = await confirmModal({
      title: decision === 'approve' ? '通过申请' : '不通过',
      content:
        decision === 'approve'
          ? `通过后 ${app.nickname} 每月可发布 ${n} 条广告，帖子带「广告」标签。`
          : `确定不通过 ${app.nickname} 的申请吗？TA 会看到原因「${reason.trim()}」。`,
      confirmText: '确定',
      cancelText: '取消',
    })
    if (!confirm) return
    setBusy(true)
    setError(null)
    try {
      await square.decideAds({
        applicationId: app.id,
        decision,
        ...(decision === 'approve' ? { quotaPerMonth: n } : { reason: reason.trim() }),
      })
      onDone()
    } catch (err) {
      setError(toServiceError(err).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='qh-card'>
      <Text className='qh-card__title'>{`${app.nickname} · ${app.statusName}`}</Text>
      <Text className='qh-muted'>{`提交于 ${dateTimeText(app.createdAt)}`}</Text>
      <View className='sq-post__photos'>
        {AD_DOCUMENTS.map((k) => (
          <View key={k}>
            <Text className='qh-note'>{AD_DOCUMENT_NAMES[k]}</Text>
            <DocumentImage fileId={app.documents[k]} />
          </View>
        ))}
      </View>
      {app.status === 'pending' && (
        <View>
          <Input
            placeholder='每月可发布条数'
            type='digit'
            value={quota}
            onChange={(v) => setQuota(String(v))}
          />
          <Input placeholder='不通过的原因' value={reason} onChange={(v) => setReason(String(v))} />
          {error && <Text className='qh-note'>{error}</Text>}
          <View className='sq-actions'>
            <Button size='small' type='primary' disabled={busy} onClick={() => void decide('approve')}>
              通过
            </Button>
            <Button size='small' disabled={busy} onClick={() => void decide('refuse')}>
              不通过
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}

/** 广告审核: pending ad applications (三证) with their documents; approve with a monthly number, or refuse. */
export default function AdReviewPage() {
  const pages = useCursorPages((cursor) => square.adApplications('pending', cursor), [])
  return (
    <View className='qh-page'>
      {pages.data ? (
        pages.items.length ? (
          <View>
            {pages.items.map((app) => (
              <Application key={app.id} app={app} onDone={() => void pages.refresh()} />
            ))}
            <LoadMore pages={pages} />
          </View>
        ) : (
          <EmptyView title='没有待审核的广告申请' />
        )
      ) : (
        <PendingView loader={pages} />
      )}
    </View>
  )
}
