import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import {
  FULL_RULES_MAX,
  HANDBOOK_MAX_SECTIONS,
  SECTION_BODY_MAX,
  SECTION_TITLE_MAX,
  SHORT_RULES_MAX,
  charCount,
  fullRulesError,
  shortRulesError,
  type HandbookSection,
} from '@core/onboarding'
import LoadMore from '@/components/LoadMore'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { useCursorPages } from '@/hooks/useCursorPages'
import { useSaving } from '@/hooks/useSaving'
import { useUnsaved } from '@/hooks/useUnsaved'
import * as community from '@/services/community'
import type { OnboardingSettings } from '@/services/community'
import type { MemberProfile } from '@/services/member'
import { toServiceError } from '@/services/service-error'
import { Button, Input } from '@/ui/nutui'
import SettingsGate from '../SettingsGate'
import '../admin-onboarding.scss'
import { dateText } from '@/ui/dates'
import { confirmModal } from '@/ui/modal'

function Counter({ text, max }: { text: string; max: number }) {
  const n = charCount(text)
  return <Text className={`ao-count${n > max ? ' ao-count--over' : ''}`}>{`${n}/${max}`}</Text>
}

function SectionsEditor({ initial }: { initial: HandbookSection[] }) {
  const [sections, setSections] = useState<HandbookSection[]>(initial)
  const { saving, error, setError, run } = useSaving()
  const unsaved = useUnsaved(sections)
  const update = (i: number, patch: Partial<HandbookSection>) =>
    setSections(sections.map((s, j) => (j === i ? { ...s, ...patch } : s)))
  const move = (i: number, by: number) => {
    const next = [...sections]
    const [item] = next.splice(i, 1)
    next.splice(i + by, 0, item)
    setSections(next)
  }

  async function save() {
    const blank = sections.findIndex((s) => !s.title.trim() || !s.body.trim())
    if (blank >= 0) return setError(`第 ${blank + 1} 节的标题和正文都不能为空`)
    const done = await run(
      () => community.saveHandbook(sections.map((s) => ({ title: s.title.trim(), body: s.body.trim() }))),
      '手册已保存',
    )
    if (done) unsaved.markSaved()
  }

  return (
    <View className='qh-card'>
      <Text className='qh-card__title'>新人手册</Text>
      <Text className='qh-note'>按顺序展示给新成员，打开手册即算完成「阅读新人手册」。</Text>
      {sections.length === 0 && (
        <EmptyView title='还没有章节' description='加一节「社群是做什么的」开始吧。' />
      )}
      {sections.map((section, i) => (
        <View className='ao-section' key={i}>
          <Text className='ao-label'>{`第 ${i + 1} 节标题`}</Text>
          <Input
            className='ao-input'
            value={section.title}
            maxLength={SECTION_TITLE_MAX}
            placeholder='例如：我们每天做什么'
            onChange={(value) => update(i, { title: value })}
          />
          <Text className='ao-label'>正文</Text>
          <Textarea
            className='ao-textarea'
            value={section.body}
            maxlength={SECTION_BODY_MAX}
            onInput={(e) => update(i, { body: e.detail.value })}
          />
          <View className='ao-links'>
            {i > 0 && (
              <Text className='ao-link' onClick={() => move(i, -1)}>
                上移
              </Text>
            )}
            {i < sections.length - 1 && (
              <Text className='ao-link' onClick={() => move(i, 1)}>
                下移
              </Text>
            )}
            <Text
              className='ao-link ao-link--danger'
              onClick={async () => {
                const { confirm } = await confirmModal({
                  title: '删除这一节？',
                  content: section.title || '未命名',
                })
                if (confirm) setSections(sections.filter((_, j) => j !== i))
              }}
            >
              删除
            </Text>
          </View>
        </View>
      ))}
      {error && <Text className='ao-error'>{error}</Text>}
      {unsaved.dirty && <Text className='qh-note ao-unsaved'>有未保存的修改</Text>}
      <View className='ao-row__actions'>
        {sections.length < HANDBOOK_MAX_SECTIONS && (
          <Button size='small' onClick={() => setSections([...sections, { title: '', body: '' }])}>
            添加一节
          </Button>
        )}
        <Button type='primary' size='small' loading={saving} onClick={() => void save()}>
          保存手册
        </Button>
      </View>
    </View>
  )
}

function RulesEditor({
  settings,
  member,
  onPublished,
}: {
  settings: OnboardingSettings
  member: MemberProfile
  onPublished: () => void
}) {
  const [shortRules, setShort] = useState(settings.rules.shortRules)
  const [fullRules, setFull] = useState(settings.rules.fullRules)
  const [errors, setErrors] = useState<{ shortRules?: string; fullRules?: string; form?: string }>({})
  const [saving, setSaving] = useState(false)
  const unsaved = useUnsaved({ shortRules, fullRules })
  const canPublish = member.role === 'owner' || member.role === 'admin'

  async function publish() {
    const found = {
      shortRules: shortRules.trim() ? (shortRulesError(shortRules.trim()) ?? undefined) : '请填写简短群规',
      fullRules: fullRules.trim() ? (fullRulesError(fullRules.trim()) ?? undefined) : '请填写完整群规',
    }
    if (found.shortRules || found.fullRules) return setErrors(found)
    const { confirm } = await confirmModal({
      title: `发布第 ${settings.rules.version + 1} 版群规？`,
      content: '发布后，所有成员都需要重新阅读并确认（已阅）。',
      confirmText: '发布',
    })
    if (!confirm) return
    setSaving(true)
    setErrors({})
    try {
      await community.publishRules({ shortRules: shortRules.trim(), fullRules: fullRules.trim() })
      void Taro.showToast({ title: '已发布新版群规', icon: 'success' })
      unsaved.markSaved()
      onPublished()
    } catch (err) {
      const e = toServiceError(err)
      setErrors({
        shortRules: e.fields?.shortRules,
        fullRules: e.fields?.fullRules,
        form: e.fields ? undefined : e.message,
      })
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='qh-card'>
      <Text className='qh-card__title'>
        {settings.rules.version ? `群规（当前第 ${settings.rules.version} 版）` : '群规（尚未发布）'}
      </Text>
      <Text className='ao-label'>{`简短群规：加入时在欢迎语里展示（最多 ${SHORT_RULES_MAX} 字）`}</Text>
      <Textarea
        className='ao-textarea'
        value={shortRules}
        maxlength={-1}
        onInput={(e) => setShort(e.detail.value)}
      />
      <Counter text={shortRules} max={SHORT_RULES_MAX} />
      {errors.shortRules && <Text className='ao-error'>{errors.shortRules}</Text>}
      <Text className='ao-label'>{`完整群规：群公告（最多 ${FULL_RULES_MAX} 字）`}</Text>
      <Textarea
        className='ao-textarea ao-textarea--tall'
        value={fullRules}
        maxlength={-1}
        onInput={(e) => setFull(e.detail.value)}
      />
      <Counter text={fullRules} max={FULL_RULES_MAX} />
      {errors.fullRules && <Text className='ao-error'>{errors.fullRules}</Text>}
      {errors.form && <Text className='ao-error'>{errors.form}</Text>}
      {unsaved.dirty && <Text className='qh-note ao-unsaved'>有未发布的修改</Text>}
      {canPublish ? (
        <Button type='primary' block loading={saving} onClick={() => void publish()}>
          发布新版本
        </Button>
      ) : (
        <Text className='qh-note'>只有主理人和管理员可以发布群规。</Text>
      )}
    </View>
  )
}

function AckList({ version }: { version: number }) {
  const status = useCursorPages((cursor) => community.ackStatus({ cursor, limit: 20 }), [version])
  if (!status.data && status.loading) return <LoadingView />
  if (!status.data && status.error)
    return <ErrorView message={status.error.message} onRetry={() => void status.refresh()} />
  const data = status.data!
  if (data.version === 0) return null
  const items = status.items
  return (
    <View className='qh-card'>
      <Text className='qh-card__title'>{`第 ${data.version} 版确认情况`}</Text>
      <View className='ao-stats'>
        <View className='ao-stat'>
          <Text className='ao-stat__value'>{data.ackCount}</Text>
          <Text className='ao-stat__label'>已确认</Text>
        </View>
        <View className='ao-stat'>
          <Text className='ao-stat__value'>{data.notAcknowledged}</Text>
          <Text className='ao-stat__label'>未确认</Text>
        </View>
        <View className='ao-stat'>
          <Text className='ao-stat__value'>{data.memberCount}</Text>
          <Text className='ao-stat__label'>成员总数</Text>
        </View>
      </View>
      {items.length === 0 ? (
        <Text className='qh-note'>所有成员都已确认最新群规。</Text>
      ) : (
        <View>
          <Text className='ao-label'>还没有确认的成员</Text>
          {items.map((m) => (
            <View className='ao-row' key={m.openid}>
              <Text className='ao-row__name'>{m.nickname}</Text>
              <Text className='ao-row__meta'>{`加入于 ${dateText(m.joinedAt)}`}</Text>
            </View>
          ))}
        </View>
      )}
      <LoadMore pages={status} />
    </View>
  )
}

/** 新人手册与群规: edit the handbook, publish rules versions, and see who has not acknowledged. */
export default function HandbookAdminPage() {
  return (
    <View className='qh-page'>
      <SettingsGate>
        {(data, member, reload) => (
          <View>
            <SectionsEditor initial={data.sections} />
            <RulesEditor key={data.rules.version} settings={data} member={member} onPublished={reload} />
            {(member.role === 'owner' || member.role === 'admin') && <AckList version={data.rules.version} />}
          </View>
        )}
      </SettingsGate>
    </View>
  )
}
