import { Text, View } from '@tarojs/components'

/** What an uploaded image is for: it decides the storage folder and how it is screened. */
export type UploadPurpose = 'logo' | 'avatar' | 'item' | 'evidence' | 'cover'

export interface ImageUploadProps {
  /** The image's cloud file ID, or null when none is chosen. */
  value: string | null
  onChange: (fileId: string | null) => void
  purpose: UploadPurpose
}

/** Choose an image, upload it to cloud storage and hand back its file ID. (Stub until the storage stand-in lands.) */
export default function ImageUpload(_props: ImageUploadProps) {
  return (
    <View className='qh-note'>
      <Text>图片上传即将开放</Text>
    </View>
  )
}
