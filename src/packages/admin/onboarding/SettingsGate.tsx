import type { ReactNode } from 'react'
import StaffGate from '@/components/StaffGate'
import { ErrorView, LoadingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import * as community from '@/services/community'
import type { OnboardingSettings } from '@/services/community'
import type { MemberProfile } from '@/services/member'

/** The onboarding settings screens: staff only, drawn once the community's settings have loaded. */
export default function SettingsGate({
  children,
}: {
  children: (settings: OnboardingSettings, member: MemberProfile, reload: () => void) => ReactNode
}) {
  const settings = useLoader(() => community.settings(), [])
  return (
    <StaffGate>
      {(_, member) => {
        if (!settings.data && settings.loading) return <LoadingView />
        if (!settings.data && settings.error)
          return <ErrorView message={settings.error.message} onRetry={() => void settings.refresh()} />
        return children(settings.data!, member, () => void settings.refresh())
      }}
    </StaffGate>
  )
}
