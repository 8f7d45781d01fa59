import Taro from '@tarojs/taro'
import { Button as NativeButton, Text, View } from '@tarojs/components'
import ImageUpload from '@/components/ImageUpload'

interface Props {
  value: string | null
  onChange: (fileId: string | null) => void
  onError: (message: string) => void
}

/**
 * The avatar: on weapp WeChat's 头像昵称填写 (`open-type="chooseAvatar"`), the chosen picture uploaded
 * to cloud storage; elsewhere (H5) the ImageUpload component's file picker.
 */
export default function AvatarPicker({ value, onChange, onError }: Props) {
  if (process.env.TARO_ENV !== 'weapp')
    return <ImageUpload value={value} onChange={onChange} purpose='avatar' />
  async function chosen(path: string) {
    try {
      const ext = /\.(\w+)$/.exec(path)?.[1] ?? 'jpg'
      const { fileID } = await Taro.cloud.uploadFile({
        cloudPath: `avatars/${Date.now()}.${ext}`,
        filePath: path,
      })
      onChange(fileID)
    } catch {
      onError('头像上传失败，请重试')
    }
  }
  return (
    <View className='me-avatar'>
      <NativeButton
        className='me-avatar__button'
        openType='chooseAvatar'
        onChooseAvatar={(e) => void chosen(e.detail.avatarUrl)}
      >
        {value ? '更换头像' : '选择头像'}
      </NativeButton>
      {value && <Text className='qh-note'>已选择头像，保存后生效</Text>}
    </View>
  )
}
