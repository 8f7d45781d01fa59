import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { can } from '@core/rights'
import { ROLE_NAMES } from '@core/roles'
import { ORGANISER_TITLES, type AppointableRole } from '@core/team'
import StaffGate from '@/components/StaffGate'
import { ErrorView, LoadingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { useMe } from '@/hooks/useMe'
import { useSaving } from '@/hooks/useSaving'
import * as points from '@/services/points'
import { toServiceError } from '@/services/service-error'
import * as setup from '@/services/setup'
import type { StaffEntry, TeamView } from '@/services/setup'
import { Button, Input } from '@/ui/nutui'
import '../community/index.scss'

/** 团队与角色: the staff list, appointing from a member search, titles, dismissing, and the owner's transfer. */
export default function TeamPage() {
  return (
    <View className='qh-page'>
      <StaffGate>
        {(_community, member) =>
          can(member.role, 'team') ? (
            <Team />
          ) : (
            <Text className='qh-note'>只有主理人和管理员可以任免团队成员。</Text>
          )
        }
      </StaffGate>
    </View>
  )
}

function Team() {
  const loaded = useLoader(() => setup.team(), [])
  if (!loaded.data && loaded.error)
    return <ErrorView message={loaded.error.message} onRetry={() => void loaded.refresh()} />
  if (!loaded.data) return <LoadingView />
  const refresh = () => void loaded.refresh()
  return (
    <View>
      <View className={`qh-card admin-block team-advisory team-advisory--${loaded.data.advisory.status}`}>
        <Text className='qh-card__title'>人手建议</Text>
        <Text className='qh-note'>{loaded.data.advisory.message}</Text>
      </View>
      <StaffList team={loaded.data} onChanged={refresh} />
      <AppointCard team={loaded.data} onChanged={refresh} />
    </View>
  )
}

/** The roles the viewer may hand out (core/team: only the owner makes admins). */
function rolesFor(team: TeamView): AppointableRole[] {
  return team.canAppointAdmins ? ['admin', 'organiser', 'volunteer'] : ['organiser', 'volunteer']
}

function StaffList({ team, onChanged }: { team: TeamView; onChanged: () => void }) {
  const me = useMe()
  const saving = useSaving()
  const [transferTo, setTransferTo] = useState<StaffEntry | null>(null)
  const dismiss = (s: StaffEntry) =>
    saving.run(async () => {
      await setup.appoint({ memberId: s.memberId, role: 'member' })
      onChanged()
    }, '已撤销')
  const transfer = (s: StaffEntry) =>
    saving.run(async () => {
      await setup.transferOwnership(s.memberId)
      setTransferTo(null)
      await me.refresh()
      onChanged()
    }, '已转让')
  const mayDismiss = (s: StaffEntry) =>
    !s.isMe && s.role !== 'owner' && (s.role !== 'admin' || team.canAppointAdmins)
  return (
    <View className='qh-card admin-block'>
      <Text className='qh-card__title'>团队成员</Text>
      {team.staff.map((s) => (
        <View className='team-row' key={s.memberId}>
          <Text className='team-row__name'>{s.nickname}</Text>
          <Text className='qh-muted'>{s.title ? `${s.roleName} · ${s.title}` : s.roleName}</Text>
          {mayDismiss(s) && (
            <Button size='small' fill='outline' onClick={() => void dismiss(s)}>
              撤销
            </Button>
          )}
          {team.canTransfer && s.role === 'admin' && (
            <Button size='small' fill='outline' onClick={() => setTransferTo(s)}>
              转让主理人
            </Button>
          )}
        </View>
      ))}
      {transferTo && (
        <View className='admin-confirm'>
          <Text>{`确认把社群转让给「${transferTo.nickname}」？转让后对方成为主理人，你将成为管理员，不能再修改社群设置或任免管理员，这一步无法自行撤回。`}</Text>
          <View className='admin-actions'>
            <Button size='small' fill='outline' onClick={() => setTransferTo(null)}>
              取消
            </Button>
            <Button
              size='small'
              type='primary'
              loading={saving.saving}
              onClick={() => void transfer(transferTo)}
            >
              确认转让
            </Button>
          </View>
        </View>
      )}
      {saving.error && <Text className='admin-error'>{saving.error}</Text>}
    </View>
  )
}

function AppointCard({ team, onChanged }: { team: TeamView; onChanged: () => void }) {
  const [query, setQuery] = useState('')
  const [searched, setSearched] = useState<{ memberId: string; nickname: string; roleName: string }[] | null>(
    null,
  )
  const [picked, setPicked] = useState<{ memberId: string; nickname: string } | null>(null)
  const [role, setRole] = useState<AppointableRole>('organiser')
  const [title, setTitle] = useState<string | null>(null)
  const saving = useSaving()
  const search = async () => {
    saving.setError(null)
    try {
      setSearched((await points.searchMembers(query.trim())).items)
    } catch (err) {
      saving.setError(toServiceError(err).message)
    }
  }
  const appoint = () =>
    saving.run(async () => {
      if (!picked) return
      await setup.appoint({
        memberId: picked.memberId,
        role,
        title: role === 'organiser' ? ((title as (typeof ORGANISER_TITLES)[number] | null) ?? null) : null,
      })
      setPicked(null)
      setSearched(null)
      onChanged()
    }, '已任命')
  return (
    <View className='qh-card admin-block'>
      <Text className='qh-card__title'>任命</Text>
      <View className='admin-field'>
        <Input className='admin-input' value={query} placeholder='输入昵称开头搜索成员' onChange={setQuery} />
        <Button size='small' onClick={() => void search()}>
          搜索
        </Button>
      </View>
      {searched?.length === 0 && <Text className='qh-note'>没有找到这位成员</Text>}
      {searched?.map((m) => (
        <View className='team-row' key={m.memberId} onClick={() => setPicked(m)}>
          <Text className='team-row__name'>{m.nickname}</Text>
          <Text className='qh-muted'>{picked?.memberId === m.memberId ? '已选择' : m.roleName}</Text>
        </View>
      ))}
      {picked && (
        <View>
          <Text className='admin-label'>{`任命「${picked.nickname}」为`}</Text>
          <View className='admin-actions team-choices'>
            {rolesFor(team).map((r) => (
              <Button
                key={r}
                size='small'
                type={role === r ? 'primary' : 'default'}
                onClick={() => setRole(r)}
              >
                {ROLE_NAMES[r]}
              </Button>
            ))}
          </View>
          {role === 'organiser' && (
            <View className='admin-actions team-choices'>
              {[null, ...ORGANISER_TITLES].map((t) => (
                <Button
                  key={t ?? 'none'}
                  size='small'
                  type={title === t ? 'primary' : 'default'}
                  onClick={() => setTitle(t)}
                >
                  {t ?? '不设头衔'}
                </Button>
              ))}
            </View>
          )}
          <Button block type='primary' loading={saving.saving} onClick={() => void appoint()}>
            确认任命
          </Button>
        </View>
      )}
      {saving.error && <Text className='admin-error'>{saving.error}</Text>}
    </View>
  )
}
