import TabPage from '@/components/TabPage'
import { EmptyView } from '@/components/StateView'
import { IconStarF } from '@/ui/icons'

export default function RankPage() {
  return (
    <TabPage current='rank'>
      <EmptyView
        icon={<IconStarF size={32} />}
        title='排行榜将在社群有了打卡数据后开放'
        description='总榜、周榜、月榜和连续打卡榜都会在这里，你的名次也会一直显示。'
      />
    </TabPage>
  )
}
