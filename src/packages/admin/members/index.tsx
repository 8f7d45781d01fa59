import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import LoadMore from '@/components/LoadMore'
import Pill from '@/components/Pill'
import StaffGate from '@/components/StaffGate'
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView'
import { useCursorPages, type CursorPages } from '@/hooks/useCursorPages'
import { exportProgressText, saveExport, type ExportProgress } from '@/services/csv'
import {
  exportMembers,
  searchMembers,
  type DirectoryCounts,
  type DirectoryMember,
  type DirectoryPage,
  type DirectorySearch,
} from '@/services/directory'
import { toServiceError } from '@/services/service-error'
import { Button, Input } from '@/ui/nutui'
import { MEMBER_STATUSES, MEMBER_STATUS_NAMES } from '@core/directory'
import { LEVELS, LEVEL_NAMES } from '@core/levels'
import { ROLES, ROLE_NAMES } from '@core/roles'
import { TIERS, TIER_NAMES } from '@core/value-score'
import './index.scss'

type Dimension = 'status' | 'level' | 'tier' | 'role'

const named = <K extends string>(names: Record<K, string>, keys: readonly K[]): [string, string][] =>
  keys.map((k) => [k, names[k]])

/** The filter chips, in the order staff look for them; names from core. Tags come with the counts. */
const CHIPS: { dimension: Dimension; values: [string, string][] }[] = [
  {
    dimension: 'status',
    values: named(
      MEMBER_STATUS_NAMES,
      MEMBER_STATUSES.filter((s) => s !== 'active'),
    ),
  },
  { dimension: 'level', values: named(LEVEL_NAMES, LEVELS) },
  { dimension: 'tier', values: named(TIER_NAMES, TIERS) },
  { dimension: 'role', values: named(ROLE_NAMES, ROLES) },
]

/** 成员管理: search any part of a nickname, filter by status, level, tier, role and tag, page, export. */
export default function MembersPage() {
  return (
    <View className='qh-page'>
      <StaffGate>{() => <Directory />}</StaffGate>
    </View>
  )
}

function Directory() {
  const [text, setText] = useState('')
  const [search, setSearch] = useState<DirectorySearch>({})
  const [progress, setProgress] = useState<ExportProgress | null>(null)
  const [exporting, setExporting] = useState(false)
  const pages = useCursorPages(
    async (cursor?: string) => {
      const page = await searchMembers(search, cursor)
      return { ...page, items: page.members }
    },
    [JSON.stringify(search)],
  )
  const counts = pages.data?.counts ?? null

  const toggle = (dimension: Dimension | 'tag', value: string) =>
    setSearch((s) => ({ ...s, [dimension]: s[dimension] === value ? undefined : value }))

  const download = async () => {
    setExporting(true)
    setProgress(null)
    try {
      const done = await saveExport((cursor) => exportMembers(search, cursor), setProgress)
      void Taro.showToast({ title: done.message, icon: 'none' })
    } catch (err) {
      void Taro.showToast({ title: toServiceError(err).message, icon: 'none' })
    } finally {
      setExporting(false)
    }
  }

  return (
    <View>
      <View className='qh-card'>
        <View className='mem-search'>
          <Input
            className='mem-search__input'
            placeholder='输入昵称中的任意几个字'
            value={text}
            onChange={setText}
            onConfirm={() => setSearch((s) => ({ ...s, query: text.trim() || undefined }))}
          />
          <Button
            size='small'
            type='primary'
            onClick={() => setSearch((s) => ({ ...s, query: text.trim() || undefined }))}
          >
            搜索
          </Button>
        </View>
        {CHIPS.map(({ dimension, values }) => (
          <View className='mem-chips' key={dimension}>
            {values.map(([value, name]) => (
              <Chip
                key={value}
                name={name}
                count={countOf(counts, dimension, value)}
                on={search[dimension] === value}
                onTap={() => toggle(dimension, value)}
              />
            ))}
          </View>
        ))}
        {counts && Object.keys(counts.tag).length > 0 && (
          <View className='mem-chips'>
            {Object.entries(counts.tag).map(([tag, n]) => (
              <Chip key={tag} name={tag} count={n} on={search.tag === tag} onTap={() => toggle('tag', tag)} />
            ))}
          </View>
        )}
      </View>
      <View className='mem-search'>
        <Text className='qh-note'>
          {pages.data ? `共 ${pages.data.total} 位成员` : ''}
          {pages.data?.capped ? '（匹配太多，只看了前 1000 位，请多输入几个字）' : ''}
        </Text>
        <Button size='small' fill='outline' loading={exporting} onClick={() => void download()}>
          {exporting ? exportProgressText(progress) : '导出 CSV'}
        </Button>
      </View>
      <MemberList pages={pages} />
    </View>
  )
}

function countOf(counts: DirectoryCounts | null, dimension: Dimension, value: string): number | null {
  if (!counts) return null
  return (counts[dimension] as Record<string, number | undefined>)[value] ?? 0
}

function Chip(props: { name: string; count: number | null; on: boolean; onTap: () => void }) {
  return (
    <Text className={`mem-chip${props.on ? ' mem-chip--on' : ''}`} onClick={props.onTap}>
      {props.count === null ? props.name : `${props.name} ${props.count}`}
    </Text>
  )
}

function MemberList({ pages }: { pages: CursorPages<DirectoryPage & { items: DirectoryMember[] }> }) {
  if (pages.loading && !pages.items.length) return <LoadingView />
  if (pages.error && !pages.items.length)
    return <ErrorView message={pages.error.message} onRetry={() => void pages.refresh()} />
  if (!pages.items.length) return <EmptyView title='没有找到成员' description='换几个字或去掉筛选试试' />
  return (
    <View className='qh-card'>
      {pages.items.map((m) => (
        <MemberRow key={m.memberId} member={m} />
      ))}
      <LoadMore pages={pages} />
    </View>
  )
}

function MemberRow({ member }: { member: DirectoryMember }) {
  const open = () =>
    void Taro.navigateTo({
      url: `/packages/admin/members/member/index?id=${encodeURIComponent(member.memberId)}`,
    })
  return (
    <View className='mem-row' onClick={open}>
      <View>
        <Text>{member.nickname}</Text>
        <Text className='qh-note'>
          {` ${member.roleName} · ${member.levelName}${member.tierName ? ` · ${member.tierName}` : ''}`}
        </Text>
      </View>
      <View className='mem-row__side'>
        {member.statuses.map((s) => (
          <Pill key={s.key} tone='quiet'>
            {s.name}
          </Pill>
        ))}
      </View>
    </View>
  )
}
