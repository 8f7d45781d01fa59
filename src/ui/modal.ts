/** Every confirmation dialog wears the brand colour (Taro's H5 default confirm button is green). */
import Taro from '@tarojs/taro'

export const BRAND_COLOR = '#f0642d'

export function confirmModal(option: Taro.showModal.Option): Promise<Taro.showModal.SuccessCallbackResult> {
  return Taro.showModal({ confirmColor: BRAND_COLOR, cancelColor: '#5c5752', ...option })
}
