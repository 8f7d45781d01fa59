import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import StaffGate from '@/components/StaffGate'
import { EmptyView, PendingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { saveExport } from '@/services/csv'
import * as signups from '@/services/signups'
import { toServiceError } from '@/services/service-error'
import { Button } from '@/ui/nutui'
import { dateTimeText } from '@/ui/dates'
import { SIGNUP_LISTS, SIGNUP_LIST_NAMES, type SignupList } from '@core/signup'
import '../activities-admin.scss'

/** 报名与签到: an activity's lists (paged), their CSV exports, and the rotating attendance code. */
export default function ActivitySignupsPage() {
  const id = decodeURIComponent(useRouter().params?.id ?? '')
  return (
    <View className='qh-page'>
      <StaffGate>{() => <Signups id={id} />}</StaffGate>
    </View>
  )
}

function Signups({ id }: { id: string }) {
  const [which, setWhich] = useState<SignupList>('confirmed')
  const [showCode, setShowCode] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [more, setMore] = useState<signups.SignupRow[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const loaded = useLoader(async () => {
    const page = await signups.list(id, which)
    setMore([])
    setCursor(page.nextCursor)
    return page
  }, [id, which])

  async function loadMore() {
    if (!cursor) return
    try {
      const page = await signups.list(id, which, cursor)
      setMore((rows) => [...rows, ...page.rows])
      setCursor(page.nextCursor)
    } catch (err) {
      setError(toServiceError(err).message)
    }
  }

  async function exportCsv() {
    setBusy(true)
    setError(null)
    try {
      const done = await saveExport((c) => signups.exportList(id, which, c))
      void Taro.showToast({ title: done.message, icon: 'none' })
    } catch (err) {
      setError(toServiceError(err).message)
    } finally {
      setBusy(false)
    }
  }

  if (showCode) return <CodeScreen id={id} onClose={() => setShowCode(false)} />
  const rows = [...(loaded.data?.rows ?? []), ...more]

  return (
    <View>
      <View className='as-actions'>
        <Button type='primary' onClick={() => setShowCode(true)}>
          显示签到码
        </Button>
        <Button
          fill='outline'
          loading={busy}
          disabled={busy || rows.length === 0}
          onClick={() => void exportCsv()}
        >
          导出 CSV
        </Button>
      </View>
      <View className='as-tabs'>
        {SIGNUP_LISTS.map((l) => (
          <Text key={l} className={`as-tab ${l === which ? 'as-tab--on' : ''}`} onClick={() => setWhich(l)}>
            {SIGNUP_LIST_NAMES[l]}
          </Text>
        ))}
      </View>
      {error && <Text className='as-error'>{error}</Text>}
      {!loaded.data ? (
        <PendingView loader={loaded} />
      ) : rows.length === 0 ? (
        <EmptyView
          title={`${SIGNUP_LIST_NAMES[which]}还是空的`}
          description='成员报名或签到后会出现在这里。'
        />
      ) : (
        <View className='qh-card'>
          {rows.map((r) => (
            <View key={r.seq} className='as-row'>
              <Text>{`${r.seq}. ${r.nickname}`}</Text>
              <Text className='as-row__side'>
                {r.attendedAt
                  ? `${dateTimeText(r.attendedAt)} 签到${r.pointsPaid ? ` +${r.pointsPaid}` : ''}`
                  : `${r.stateName} · ${dateTimeText(r.createdAt)}`}
              </Text>
            </View>
          ))}
          {cursor && (
            <Button fill='none' block onClick={() => void loadMore()}>
              加载更多
            </Button>
          )}
        </View>
      )}
    </View>
  )
}

/** The code full-screen, fetched again as each 30-s window ends, with a countdown to the next one. */
function CodeScreen({ id, onClose }: { id: string; onClose: () => void }) {
  const [view, setView] = useState<signups.AttendanceCodeView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [left, setLeft] = useState(0)
  // The server's clock minus the phone's: the countdown follows the server's windows.
  const offset = useRef(0)

  useEffect(() => {
    let alive = true
    let timer: ReturnType<typeof setTimeout> | undefined
    async function fetchCode() {
      try {
        const next = await signups.attendanceCode(id)
        if (!alive) return
        offset.current = Date.parse(next.now) - Date.now()
        setView(next)
        setError(null)
        timer = setTimeout(
          () => void fetchCode(),
          Math.max(500, Date.parse(next.expiresAt) - Date.parse(next.now)),
        )
      } catch (err) {
        if (!alive) return
        setError(toServiceError(err).message)
        timer = setTimeout(() => void fetchCode(), 3000)
      }
    }
    void fetchCode()
    return () => {
      alive = false
      if (timer) clearTimeout(timer)
    }
  }, [id])

  useEffect(() => {
    const tick = setInterval(() => {
      if (view)
        setLeft(Math.max(0, Math.ceil((Date.parse(view.expiresAt) - Date.now() - offset.current) / 1000)))
    }, 250)
    return () => clearInterval(tick)
  }, [view])

  return (
    <View className='as-code'>
      {view && <Text className='as-code__title'>{view.title}</Text>}
      <Text className='as-code__digits'>{view?.code ?? '······'}</Text>
      {view && <Text className='as-code__countdown'>{`${left} 秒后更新 · 请在现场输入签到码`}</Text>}
      {error && <Text className='as-error'>{error}</Text>}
      <Button fill='outline' onClick={onClose}>
        返回名单
      </Button>
    </View>
  )
}
