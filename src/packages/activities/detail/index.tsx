import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import Pill from '@/components/Pill'
import { EmptyView, PendingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { useMe } from '@/hooks/useMe'
import * as signups from '@/services/signups'
import { toServiceError } from '@/services/service-error'
import { Button, Input } from '@/ui/nutui'
import { dateTimeText } from '@/ui/dates'
import { confirmModal } from '@/ui/modal'
import '../activities.scss'

/**
 * 活动详情: the activity, signing up (the reminder and change messages asked at the tap), the
 * waitlist position, cancelling with a confirmation that says what it does, and checking in with
 * the code staff show. Shared as a card, it opens here.
 */
export default function ActivityDetailPage() {
  const id = decodeURIComponent(useRouter().params?.id ?? '')
  // Reloads once a share card's group join makes the caller a member.
  const communityId = useMe().data?.community?.id
  const loaded = useLoader(() => signups.detail(id), [id, communityId])
  const [busy, setBusy] = useState<'signup' | 'cancel' | 'attend' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [code, setCode] = useState('')

  useShareAppMessage(() => ({
    title: loaded.data ? `一起参加「${loaded.data.activity.title}」` : '群活：社群活动',
    path: signups.detailPath(id),
  }))

  const d = loaded.data
  if (!d) {
    if (loaded.error?.code === 'NOT_MEMBER')
      return (
        <View className='qh-page'>
          <EmptyView
            title='加入社群后即可报名'
            description='这个活动来自一个社群，先用邀请码加入，再回来报名。'
          />
          <Button type='primary' block onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>
            去首页加入社群
          </Button>
        </View>
      )
    return (
      <View className='qh-page'>
        <PendingView loader={loaded} />
      </View>
    )
  }
  const { activity: a, mine, counts } = d
  const active = mine && mine.state !== 'cancelled'

  async function run<T>(
    kind: 'signup' | 'cancel' | 'attend',
    work: () => Promise<T>,
    done: (r: T) => string,
  ) {
    setBusy(kind)
    setError(null)
    try {
      const result = await work()
      await loaded.refresh()
      void Taro.showToast({ title: done(result), icon: 'none' })
      return true
    } catch (err) {
      setError(toServiceError(err).message)
      return false
    } finally {
      setBusy(null)
    }
  }

  const signUp = () =>
    run(
      'signup',
      () => signups.signUp(id),
      (r) =>
        r.mine.state === 'waitlisted' ? `名额已满，你是候补第 ${r.mine.waitlistPosition} 位` : '报名成功',
    )

  async function cancel() {
    const { confirm } = await confirmModal({
      title: '取消报名',
      content: d!.cancelConsequence ?? '确定取消报名吗？',
      confirmText: '确定取消',
      cancelText: '再想想',
    })
    if (!confirm) return
    await run(
      'cancel',
      () => signups.cancel(id),
      () => '已取消报名',
    )
  }

  async function attend() {
    const ok = await run(
      'attend',
      () => signups.attend(id, code.trim()),
      (r) => (r.pointsPaid ? `签到成功，获得 ${r.pointsPaid} 积分` : '签到成功'),
    )
    if (ok) setCode('')
  }

  const capacityText = a.capacity === null ? '不限' : `${counts.confirmed}/${a.capacity}`

  return (
    <View className='qh-page'>
      <View className='qh-card'>
        <View className='ad-state'>
          <Text className='qh-card__title'>{a.title}</Text>
          <View className='ad-meta__row'>
            <Pill tone='soft'>{a.kindName}</Pill>
            {a.stage === 'cancelled' && <Pill tone='quiet'>已取消</Pill>}
            {a.stage === 'finished' && <Pill tone='quiet'>已结束</Pill>}
            {a.levelNote && <Pill tone='quiet'>{a.levelNote}</Pill>}
          </View>
        </View>
        <View className='ad-meta'>
          <View className='ad-meta__row'>
            <Text className='ad-meta__label'>时间</Text>
            <Text>{`${dateTimeText(a.startAt)} – ${dateTimeText(a.endAt)}`}</Text>
          </View>
          {(a.place || a.link) && (
            <View className='ad-meta__row'>
              <Text className='ad-meta__label'>{a.place ? '地点' : '链接'}</Text>
              <Text>{a.place ?? a.link}</Text>
            </View>
          )}
          <View className='ad-meta__row'>
            <Text className='ad-meta__label'>名额</Text>
            <Text>{counts.waitlisted ? `${capacityText}，候补 ${counts.waitlisted} 人` : capacityText}</Text>
          </View>
          <View className='ad-meta__row'>
            <Text className='ad-meta__label'>报名截止</Text>
            <Text>{dateTimeText(a.signupDeadline)}</Text>
          </View>
          {a.points > 0 && (
            <View className='ad-meta__row'>
              <Text className='ad-meta__label'>参与积分</Text>
              <Text>{`签到后得 ${a.points} 积分`}</Text>
            </View>
          )}
        </View>
        {a.description && <Text className='ad-desc'>{a.description}</Text>}
      </View>

      <View className='qh-card'>
        {mine && active && (
          <View className='ad-state'>
            <Text className='ad-state__title'>
              {mine.attendedAt
                ? '已签到'
                : mine.state === 'waitlisted'
                  ? `候补第 ${mine.waitlistPosition} 位`
                  : '你已报名'}
            </Text>
            <Text className='qh-note'>
              {mine.attendedAt
                ? mine.pointsPaid
                  ? `签到时间 ${dateTimeText(mine.attendedAt)}，已获得 ${mine.pointsPaid} 积分`
                  : `签到时间 ${dateTimeText(mine.attendedAt)}`
                : mine.state === 'waitlisted'
                  ? '有人取消时按候补顺序递补，递补成功会通知你。'
                  : mine.subscribed
                    ? '活动开始前 1 小时会提醒你。'
                    : '你没有开启提醒，记得按时参加。'}
            </Text>
          </View>
        )}
        {!active && d.signupBlocked && <Text className='qh-note'>{d.signupBlocked}</Text>}
        {error && <Text className='ad-error'>{error}</Text>}
        <View className='ad-actions'>
          {!active && !d.signupBlocked && (
            <Button
              type='primary'
              block
              loading={busy === 'signup'}
              disabled={!!busy}
              onClick={() => void signUp()}
            >
              {a.capacity !== null && counts.confirmed >= a.capacity ? '名额已满，报名候补' : '立即报名'}
            </Button>
          )}
          {active && mine.state === 'confirmed' && !mine.attendedAt && (
            <View className='ad-code'>
              <Input
                placeholder='输入现场签到码'
                type='digit'
                maxLength={6}
                value={code}
                onChange={(v) => setCode(String(v))}
              />
              <Button
                type='primary'
                loading={busy === 'attend'}
                disabled={!!busy || code.trim().length !== 6}
                onClick={() => void attend()}
              >
                签到
              </Button>
            </View>
          )}
          {active && !mine.attendedAt && d.cancelConsequence && (
            <Button
              fill='outline'
              block
              loading={busy === 'cancel'}
              disabled={!!busy}
              onClick={() => void cancel()}
            >
              {mine.state === 'waitlisted' ? '退出候补' : '取消报名'}
            </Button>
          )}
        </View>
      </View>

      {d.isStaff && (
        <View className='ad-staff'>
          <Button
            fill='outline'
            block
            onClick={() =>
              void Taro.navigateTo({
                url: `/packages/admin/activities/signups/index?id=${encodeURIComponent(id)}`,
              })
            }
          >
            报名与签到管理
          </Button>
        </View>
      )}
    </View>
  )
}
