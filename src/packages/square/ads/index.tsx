import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AD_DOCUMENTS, AD_DOCUMENT_NAMES, type AdDocument } from '@core/square'
import ImageUpload from '@/components/ImageUpload'
import { PendingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import * as square from '@/services/square'
import { toServiceError } from '@/services/service-error'
import { Button } from '@/ui/nutui'
import '../square.scss'

/**
 * 广告发布申请 (三证): a member uploads a business licence, a product qualification and user reviews;
 * staff approve with a monthly number of ad posts (限量发布), each labelled 广告, or refuse with a reason.
 */
export default function AdApplicationPage() {
  const loaded = useLoader(() => square.adStatus(), [])
  const [docs, setDocs] = useState<Record<AdDocument, string | null>>({
    licence: null,
    qualification: null,
    reviews: null,
  })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!loaded.data)
    return (
      <View className='qh-page'>
        <PendingView loader={loaded} />
      </View>
    )
  const app = loaded.data.application

  async function submit() {
    if (AD_DOCUMENTS.some((k) => !docs[k])) return setError('请上传营业执照、产品资质和用户评价三项材料')
    setBusy(true)
    setError(null)
    try {
      const r = await square.applyAds({
        licence: docs.licence!,
        qualification: docs.qualification!,
        reviews: docs.reviews!,
      })
      loaded.setData({ application: r.application })
    } catch (err) {
      setError(toServiceError(err).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='qh-page'>
      {app && (
        <View className='qh-card'>
          <Text className='qh-card__title'>{`申请状态：${app.statusName}`}</Text>
          {app.status === 'approved' && (
            <Text className='qh-note'>{`每月可发布 ${app.quotaPerMonth} 条广告，本月还可发 ${app.postsLeft} 条；发帖时打开「发布为广告」。`}</Text>
          )}
          {app.status === 'pending' && <Text className='qh-note'>管理员审核后会在这里显示结果。</Text>}
          {app.status === 'refused' && app.reason && <Text className='qh-note'>{`原因：${app.reason}`}</Text>}
        </View>
      )}
      {app?.status !== 'approved' && (
        <View className='qh-card'>
          <Text className='qh-card__title'>{app ? '重新提交材料' : '提交三证'}</Text>
          <Text className='qh-note'>
            社群里的广告需要先审核：上传以下三项材料，通过后每月可发布限定条数的广告，帖子会带「广告」标签。
          </Text>
          {AD_DOCUMENTS.map((k) => (
            <View key={k}>
              <Text className='qh-section-title'>{AD_DOCUMENT_NAMES[k]}</Text>
              <ImageUpload
                value={docs[k]}
                purpose='evidence'
                onChange={(fileId) => setDocs((d) => ({ ...d, [k]: fileId }))}
              />
            </View>
          ))}
          {error && <Text className='sq-error'>{error}</Text>}
          <Button type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
            提交审核
          </Button>
        </View>
      )}
    </View>
  )
}
