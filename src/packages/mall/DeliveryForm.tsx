import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  PICKUP_DEFAULT,
  deliveryProblems,
  type AddressDelivery,
  type Delivery,
  type DeliveryMethod,
} from '@core/delivery'
import { Button, Input } from '@/ui/nutui'

/** What the member has typed for either way, so switching back and forth loses nothing. */
export interface DeliveryDraft {
  method: DeliveryMethod
  address: AddressDelivery
  place: string
}

export const EMPTY_DELIVERY: DeliveryDraft = {
  method: 'address',
  address: { method: 'address', name: '', phone: '', region: '', detail: '' },
  place: '',
}

export function deliveryOf(draft: DeliveryDraft): Delivery {
  return draft.method === 'address' ? draft.address : { method: 'pickup', place: draft.place }
}

/** The draft's problems by field (core/delivery, the same rule the server applies), or null. */
export function draftProblems(draft: DeliveryDraft): Record<string, string> | null {
  return deliveryProblems(deliveryOf(draft))
}

const METHODS: { method: DeliveryMethod; name: string }[] = [
  { method: 'address', name: '邮寄到家' },
  { method: 'pickup', name: '线下领取' },
]

/**
 * How a physical gift reaches the member: an address (on weapp filled from WeChat's own address book
 * with chooseAddress, typed on H5 and editable on both) or pickup at an activity or offline.
 */
export default function DeliveryForm({
  draft,
  problems,
  onChange,
}: {
  draft: DeliveryDraft
  problems: Record<string, string>
  onChange: (draft: DeliveryDraft) => void
}) {
  const setAddress = (patch: Partial<AddressDelivery>) =>
    onChange({ ...draft, address: { ...draft.address, ...patch } })

  const fromWeChat = async () => {
    try {
      const a = await Taro.chooseAddress()
      setAddress({
        name: a.userName,
        phone: a.telNumber,
        region: [a.provinceName, a.cityName, a.countyName].filter(Boolean).join(' '),
        detail: a.detailInfo,
      })
    } catch {
      // Closed without choosing, or not allowed: the fields stay as they were, to type by hand.
    }
  }

  const field = (key: 'name' | 'phone' | 'region' | 'detail', label: string, placeholder: string) => (
    <View>
      <View className='pmall-field'>
        <Text className='pmall-field__label'>{label}</Text>
        <Input
          className='pmall-input'
          type={key === 'phone' ? 'tel' : 'text'}
          placeholder={placeholder}
          value={draft.address[key]}
          onChange={(v) => setAddress({ [key]: v })}
        />
      </View>
      {problems[key] && <Text className='pmall-error pmall-error--field'>{problems[key]}</Text>}
    </View>
  )

  return (
    <View className='pmall-delivery'>
      <Text className='qh-muted'>收货方式</Text>
      <View className='pmall-choices'>
        {METHODS.map((m) => (
          <Button
            key={m.method}
            size='small'
            type={draft.method === m.method ? 'primary' : 'default'}
            onClick={() => onChange({ ...draft, method: m.method })}
          >
            {m.name}
          </Button>
        ))}
      </View>
      {draft.method === 'address' ? (
        <View>
          {process.env.TARO_ENV === 'weapp' && (
            <Button size='small' fill='outline' onClick={() => void fromWeChat()}>
              使用微信收货地址
            </Button>
          )}
          {field('name', '收件人', '姓名')}
          {field('phone', '手机号', '11 位手机号')}
          {field('region', '所在地区', '省 市 区，如 浙江省 杭州市 西湖区')}
          {field('detail', '详细地址', '街道、门牌号')}
        </View>
      ) : (
        <View>
          <View className='pmall-field'>
            <Text className='pmall-field__label'>领取说明</Text>
            <Input
              className='pmall-input'
              placeholder={PICKUP_DEFAULT}
              value={draft.place}
              onChange={(v) => onChange({ ...draft, place: v })}
            />
          </View>
          {problems.place && <Text className='pmall-error pmall-error--field'>{problems.place}</Text>}
          <Text className='qh-note'>不填即在线下活动现场领取，管理员交给你后会标记已领取。</Text>
        </View>
      )}
    </View>
  )
}
