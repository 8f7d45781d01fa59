import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ImagePurpose } from '@core/images'
import { previewUrl, uploadImage } from '@/services/upload'
import { toServiceError } from '@/services/service-error'
import { Button } from '@/ui/nutui'
import './index.scss'

/** What an uploaded image is for: it decides the storage folder and how it is screened. */
export type UploadPurpose = ImagePurpose

export interface ImageUploadProps {
  /** The image's cloud file ID, or null when none is chosen. */
  value: string | null
  onChange: (fileId: string | null) => void
  purpose: UploadPurpose
}

/**
 * Choose an image, upload it to cloud storage and hand back its file ID. Shows the upload's
 * progress, a preview (the picked file at once, a stored one by its temp URL), 移除 and errors.
 * The server screens the image when the form is saved; others see it once the check passes.
 */
export default function ImageUpload({ value, onChange, purpose }: ImageUploadProps) {
  const [picked, setPicked] = useState('')
  const [stored, setStored] = useState('')
  const [progress, setProgress] = useState<number | null>(null)
  const [error, setError] = useState('')

  // A stored image (an item being edited) is shown by a URL this platform can draw.
  useEffect(() => {
    let live = true
    setStored('')
    if (value && !picked) {
      if (value.startsWith('https://')) setStored(value)
      else void previewUrl(value).then((url) => live && setStored(url))
    }
    return () => {
      live = false
    }
  }, [value, picked])

  const choose = async () => {
    setError('')
    let path: string
    try {
      const res = await Taro.chooseImage({
        count: 1,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      })
      path = res.tempFilePaths[0]
    } catch {
      return // The person closed the picker.
    }
    if (!path) return
    setPicked(path)
    setProgress(0)
    try {
      const fileId = await uploadImage(path, purpose, setProgress)
      onChange(fileId)
    } catch (err) {
      setPicked('')
      setError(toServiceError(err).message)
    } finally {
      setProgress(null)
    }
  }

  const remove = () => {
    setPicked('')
    setError('')
    onChange(null)
  }

  const shown = picked || stored
  const uploading = progress !== null
  return (
    <View className='qh-upload'>
      {shown ? (
        <View className='qh-upload__preview'>
          <Image className='qh-upload__image' src={shown} mode='aspectFill' />
          {uploading && <Text className='qh-upload__progress'>上传中 {Math.round(progress)}%</Text>}
        </View>
      ) : (
        value && <Text className='qh-note'>图片加载中…</Text>
      )}
      <View className='qh-upload__actions'>
        <Button
          size='small'
          type='primary'
          loading={uploading}
          disabled={uploading}
          onClick={() => void choose()}
        >
          {value || picked ? '更换图片' : '选择图片'}
        </Button>
        {(value || picked) && !uploading && (
          <Button size='small' onClick={remove}>
            移除
          </Button>
        )}
      </View>
      {error && <Text className='qh-upload__error'>{error}</Text>}
    </View>
  )
}
