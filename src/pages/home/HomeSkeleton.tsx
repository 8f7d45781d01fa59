import { View } from '@tarojs/components'
import { Skeleton } from '@/ui/nutui'

/** The shape of the home page while `me` loads. */
export default function HomeSkeleton() {
  return (
    <View className='home-skeleton'>
      <View className='qh-card'>
        <Skeleton rows={3} animated />
      </View>
      <View className='qh-card'>
        <Skeleton rows={2} animated />
      </View>
    </View>
  )
}
