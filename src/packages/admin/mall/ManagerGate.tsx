import type { ReactNode } from 'react'
import { can } from '@core/rights'
import StaffGate from '@/components/StaffGate'
import { EmptyView } from '@/components/StateView'

/** The mall's staff screens: owners and admins only (the server checks every action again). */
export default function ManagerGate({ children }: { children: () => ReactNode }) {
  return (
    <StaffGate>
      {(_community, member) =>
        can(member.role, 'mall') ? (
          children()
        ) : (
          <EmptyView
            title='只有主理人和管理员可以管理商城'
            description='如需上架商品或处理订单，请联系管理员。'
          />
        )
      }
    </StaffGate>
  )
}
