import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Loaded } from '@/hooks/useLoader'
import { Button, Loading } from '@/ui/nutui'
import { IconWarning } from '@/ui/icons'
import './index.scss'

/** Waiting for the server. */
export function LoadingView({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='qh-state'>
      <Loading type='circular' />
      <Text className='qh-state__desc'>{text}</Text>
    </View>
  )
}

/** Something went wrong: say what, and offer to try again. */
export function ErrorView({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className='qh-state'>
      <View className='qh-state__badge qh-state__badge--error'>
        <IconWarning size={28} />
      </View>
      <Text className='qh-state__title'>出了点问题</Text>
      <Text className='qh-state__desc'>{message}</Text>
      {onRetry && (
        <Button className='qh-state__action' type='primary' fill='outline' size='small' onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  )
}

/** No data yet: what went wrong (with a retry) once the load failed, else that it is loading. */
export function PendingView({ loader }: { loader: Pick<Loaded<unknown>, 'error' | 'refresh'> }) {
  if (loader.error) return <ErrorView message={loader.error.message} onRetry={() => void loader.refresh()} />
  return <LoadingView />
}

/** Nothing here yet, and why. */
export function EmptyView({
  icon,
  title,
  description,
  children,
}: {
  icon?: ReactNode
  title: string
  description?: string
  children?: ReactNode
}) {
  return (
    <View className='qh-state'>
      {icon && <View className='qh-state__badge'>{icon}</View>}
      <Text className='qh-state__title'>{title}</Text>
      {description && <Text className='qh-state__desc'>{description}</Text>}
      {children}
    </View>
  )
}
