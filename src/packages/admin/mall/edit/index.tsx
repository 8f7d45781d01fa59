import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { LEVELS, LEVEL_NAMES } from '@core/levels'
import {
  ITEM_IMAGES_MAX,
  ITEM_KINDS,
  ITEM_KIND_NAMES,
  itemProblems,
  type ItemDraft,
  type ItemKind,
} from '@core/mall'
import ImageUpload from '@/components/ImageUpload'
import { PendingView } from '@/components/StateView'
import { useLoader } from '@/hooks/useLoader'
import { item as loadItem, saveItem, type ItemView } from '@/services/mall'
import { newRequestId } from '@/services/points'
import { toServiceError } from '@/services/service-error'
import { Button, Input } from '@/ui/nutui'
import ManagerGate from '../ManagerGate'
import '../index.scss'

/** 新建/编辑商品: every field with its own message; the server checks the same rules (core/mall). */
export default function ItemEditPage() {
  const id = decodeURIComponent(useRouter().params?.id ?? '')
  return (
    <View className='qh-page'>
      <ManagerGate>{() => (id ? <LoadThenEdit id={id} /> : <ItemEditor />)}</ManagerGate>
    </View>
  )
}

function LoadThenEdit({ id }: { id: string }) {
  const loaded = useLoader(() => loadItem(id), [id])
  if (!loaded.data) return <PendingView loader={loaded} />
  return <ItemEditor existing={loaded.data.item} />
}

type LimitChoice = 'none' | 'total' | 'month'

/** The form's text fields; numbers are parsed on save so a half-typed value is not lost. */
interface Form {
  kind: ItemKind
  name: string
  description: string
  /** Uploaded file IDs (and https links of items from before uploads). */
  images: string[]
  price: string
  stock: string
  limitChoice: LimitChoice
  limitCount: string
  minLevel: ItemDraft['minLevel']
  onShelf: boolean
  cardCount: string
  titleText: string
}

function formOf(item?: ItemView): Form {
  return {
    kind: item?.kind ?? 'physical',
    name: item?.name ?? '',
    description: item?.description ?? '',
    images: item?.images ?? [],
    price: item ? String(item.price) : '',
    stock: item ? String(item.stock) : '',
    limitChoice: item?.limit?.period ?? 'none',
    limitCount: item?.limit ? String(item.limit.count) : '1',
    minLevel: item?.minLevel ?? 'newcomer',
    onShelf: item?.onShelf ?? true,
    cardCount: String(item?.cardCount ?? 1),
    titleText: item?.titleText ?? '',
  }
}

const toNumber = (text: string) => (text.trim() === '' ? NaN : Number(text))

function draftOf(form: Form): ItemDraft {
  return {
    kind: form.kind,
    name: form.name.trim(),
    description: form.description.trim(),
    images: form.images,
    price: toNumber(form.price),
    stock: toNumber(form.stock),
    limit:
      form.limitChoice === 'none' ? null : { count: toNumber(form.limitCount), period: form.limitChoice },
    minLevel: form.minLevel,
    onShelf: form.onShelf,
    cardCount: form.kind === 'makeup_card' ? toNumber(form.cardCount) : null,
    titleText: form.kind === 'title' ? form.titleText.trim() : null,
  }
}

export function ItemEditor({ existing }: { existing?: ItemView }) {
  const [form, setForm] = useState<Form>(() => formOf(existing))
  const [problems, setProblems] = useState<Record<string, string>>({})
  const [error, setError] = useState('')
  const [saving, setSaving] = useState(false)
  // One id per form: a retried 保存 of a new item makes one item.
  const [requestId] = useState(newRequestId)
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }))

  const save = async () => {
    const draft = draftOf(form)
    const found = itemProblems(draft) ?? {}
    setProblems(found)
    setError('')
    if (Object.keys(found).length) return
    setSaving(true)
    try {
      await saveItem({ id: existing?.id, requestId, item: draft })
      void Taro.showToast({ title: '已保存', icon: 'success' })
      void Taro.navigateBack()
    } catch (err) {
      const e = toServiceError(err)
      const fields: Record<string, string> = {}
      for (const [key, message] of Object.entries(e.fields ?? {}))
        fields[key.replace(/^item\./, '').replace(/\.\d+$/, '')] = message
      setProblems(fields)
      setError(e.message)
    } finally {
      setSaving(false)
    }
  }

  const field = (key: keyof Form, label: string, placeholder: string, type: 'text' | 'number' = 'text') => (
    <View>
      <View className='amall-field'>
        <Text className='amall-field__label'>{label}</Text>
        <Input
          className={`amall-input amall-${key}`}
          type={type}
          placeholder={placeholder}
          value={String(form[key])}
          onChange={(v) => set(key, v as never)}
        />
      </View>
      {problems[key] && <Text className='amall-error'>{problems[key]}</Text>}
    </View>
  )

  const choices = <T extends string>(
    values: readonly T[],
    current: T,
    name: (v: T) => string,
    pick: (v: T) => void,
  ) => (
    <View className='amall-choices'>
      {values.map((v) => (
        <Button key={v} size='small' type={current === v ? 'primary' : 'default'} onClick={() => pick(v)}>
          {name(v)}
        </Button>
      ))}
    </View>
  )

  return (
    <View className='qh-card amall-form'>
      <Text className='qh-card__title'>{existing ? `编辑「${existing.name}」` : '新建商品'}</Text>
      <Text className='qh-muted'>类型</Text>
      {existing ? (
        <Text className='qh-note'> {ITEM_KIND_NAMES[form.kind]}（创建后不能修改）</Text>
      ) : (
        choices(
          ITEM_KINDS,
          form.kind,
          (k) => ITEM_KIND_NAMES[k],
          (k) => set('kind', k),
        )
      )}
      {field('name', '名称', '如《小王子》纪念版')}
      {field('description', '介绍', '选填：规格、发放方式等')}
      <Text className='qh-muted'>图片（最多 {ITEM_IMAGES_MAX} 张，审核通过后成员可见）</Text>
      {[...form.images, ...(form.images.length < ITEM_IMAGES_MAX ? [null] : [])].map((image, i) => (
        <ImageUpload
          // A slot per image; the empty one at the end adds.
          key={image ?? `new-${form.images.length}`}
          value={image}
          purpose='item'
          onChange={(fileId) =>
            set(
              'images',
              image === null
                ? fileId
                  ? [...form.images, fileId]
                  : form.images
                : form.images.flatMap((x, j) => (j === i ? (fileId ? [fileId] : []) : [x])),
            )
          }
        />
      ))}
      {problems.images && <Text className='amall-error'>{problems.images}</Text>}
      {field('price', '所需积分', '兑换所需积分', 'number')}
      {field('stock', '库存', '可兑换的数量', 'number')}
      {form.kind === 'makeup_card' && field('cardCount', '每份张数', '1–10', 'number')}
      {form.kind === 'title' && field('titleText', '头衔文字', '如 书虫，最多 8 字')}
      <Text className='qh-muted'>每人限兑</Text>
      {choices(
        ['none', 'total', 'month'] as const,
        form.limitChoice,
        (c) => ({ none: '不限', total: '总共', month: '每月' })[c],
        (c) => set('limitChoice', c),
      )}
      {form.limitChoice !== 'none' && field('limitCount', '次数', '每人可兑换次数', 'number')}
      {problems.limit && <Text className='amall-error'>{problems.limit}</Text>}
      <Text className='qh-muted'>等级要求</Text>
      {choices(
        LEVELS,
        form.minLevel,
        (l) => `${LEVEL_NAMES[l]}及以上`,
        (l) => set('minLevel', l),
      )}
      <Text className='qh-muted'>上架</Text>
      {choices(
        ['on', 'off'] as const,
        form.onShelf ? 'on' : 'off',
        (v) => (v === 'on' ? '上架' : '暂不上架'),
        (v) => set('onShelf', v === 'on'),
      )}
      {error && <Text className='amall-error'>{error}</Text>}
      <View className='amall-actions'>
        <Button type='primary' loading={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  )
}
