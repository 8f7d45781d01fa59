import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import ImageUpload from '@/components/ImageUpload'
import { ItemEditor } from '@/packages/admin/mall/edit'
import type { Gateway } from './gateway'
import { freshApp, typeInto } from './helpers'
import { recorded } from './taro-stub'

let gateway: Gateway
const uploads: { url: string; size: number }[] = []

beforeEach(() => {
  gateway = freshApp('openid-admin')
  uploads.length = 0
  // The picked file, as H5's chooseImage hands it out: a blob: URL.
  gateway.local('GET blob:picked-1', () => ({
    body: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }),
  }))
  gateway.local('POST /storage/upload', (body, url) => {
    uploads.push({ url, size: (body as Blob).size })
    return { body: { fileID: 'cloud://qunhuo-local.7162/uploads/item/new.png', errMsg: 'uploadFile:ok' } }
  })
  gateway.local('POST /storage/temp-urls', (body) => ({
    body: {
      fileList: (body as { fileList: string[] }).fileList.map((fileID) => ({
        fileID,
        status: 0,
        tempFileURL: `http://local/_storage/${fileID.split('/').pop()}?sign=s&t=1`,
      })),
    },
  }))
})

afterEach(() => gateway.restore())

/** The component in a form that keeps its value, and tells the test each change. */
function Harness({ initial = null, changes }: { initial?: string | null; changes: (string | null)[] }) {
  const [value, setValue] = useState<string | null>(initial)
  return (
    <ImageUpload
      value={value}
      purpose='item'
      onChange={(v) => {
        changes.push(v)
        setValue(v)
      }}
    />
  )
}

const imageSrc = (container: HTMLElement) => container.querySelector('taro-image-core')?.getAttribute('src')

describe('ImageUpload', () => {
  test('uploads the picked image under its purpose, previews it, and removes it', async () => {
    const changes: (string | null)[] = []
    const { container } = render(<Harness changes={changes} />)
    expect(imageSrc(container)).toBeUndefined()
    recorded.chosenImages = ['blob:picked-1']
    fireEvent.click(screen.getByText('选择图片'))
    await waitFor(() => expect(changes).toEqual(['cloud://qunhuo-local.7162/uploads/item/new.png']))
    expect(uploads).toHaveLength(1)
    expect(uploads[0].url).toMatch(/^\/storage\/upload\?cloudPath=uploads%2Fitem%2F[\w-]+\.png$/)
    expect(uploads[0].size).toBe(4)
    expect(imageSrc(container)).toBe('blob:picked-1')
    expect(await screen.findByText('更换图片')).toBeTruthy()

    fireEvent.click(screen.getByText('移除'))
    expect(changes.at(-1)).toBeNull()
    expect(screen.getByText('选择图片')).toBeTruthy()
    expect(imageSrc(container)).toBeUndefined()
  })

  test('says when the upload fails, keeps the value, and clears the error on the next try', async () => {
    gateway.local('POST /storage/upload', () => ({ status: 500, body: { errMsg: 'uploadFile:fail' } }))
    const changes: (string | null)[] = []
    const { container } = render(<Harness changes={changes} />)
    recorded.chosenImages = ['blob:picked-1']
    fireEvent.click(screen.getByText('选择图片'))
    expect(await screen.findByText('图片上传失败，请重试')).toBeTruthy()
    expect(changes).toEqual([])
    expect(imageSrc(container)).toBeUndefined()

    gateway.local('POST /storage/upload', () => ({
      body: { fileID: 'cloud://qunhuo-local.7162/uploads/item/b.png' },
    }))
    fireEvent.click(screen.getByText('选择图片'))
    await waitFor(() => expect(changes).toEqual(['cloud://qunhuo-local.7162/uploads/item/b.png']))
    expect(screen.queryByText('图片上传失败，请重试')).toBeNull()
  })

  test('closing the picker changes nothing', async () => {
    const changes: (string | null)[] = []
    render(<Harness changes={changes} />)
    fireEvent.click(screen.getByText('选择图片'))
    await new Promise((r) => setTimeout(r, 20))
    expect(changes).toEqual([])
    expect(uploads).toEqual([])
  })

  test('shows a stored image by its temp URL', async () => {
    const { container } = render(
      <Harness initial='cloud://qunhuo-local.7162/uploads/item/old.png' changes={[]} />,
    )
    await waitFor(() => expect(imageSrc(container)).toBe('http://local/_storage/old.png?sign=s&t=1'))
    expect(screen.getByText('更换图片')).toBeTruthy()
  })
})

test('the mall editor saves uploaded pictures, not pasted links', async () => {
  gateway.on('mall', 'saveItem', (input) => ({
    ok: true,
    data: {
      ...input.item,
      id: 'c-reading:x',
      imageUrls: [],
      kindName: '实物礼品',
      limitText: '不限',
      minLevelName: '新手',
      cardCount: null,
      titleText: null,
      createdAt: '2026-11-20T02:00:00.000Z',
    },
  }))
  render(<ItemEditor />)
  expect(screen.queryByPlaceholderText('图片链接，多张用空格分开')).toBeNull()
  await typeInto('如《小王子》纪念版', '书签套装')
  await typeInto('兑换所需积分', '30')
  await typeInto('可兑换的数量', '5')
  recorded.chosenImages = ['blob:picked-1']
  fireEvent.click(screen.getByText('选择图片'))
  // The uploaded picture takes its slot, and a new empty slot offers another.
  expect(await screen.findByText('更换图片')).toBeTruthy()
  expect(screen.getByText('选择图片')).toBeTruthy()
  fireEvent.click(screen.getByText('保存'))
  await waitFor(() => expect(gateway.calls.some((c) => c.action === 'saveItem')).toBe(true))
  expect(gateway.calls.find((c) => c.action === 'saveItem')?.input.item).toMatchObject({
    name: '书签套装',
    images: ['cloud://qunhuo-local.7162/uploads/item/new.png'],
  })
})
