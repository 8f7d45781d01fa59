/**
 * The NutUI components the app uses, each with only its own stylesheet (the full NutUI stylesheet
 * would cost the main package hundreds of KB). Import NutUI from here, never from the package root.
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/avatar/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/style.css'

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button'
export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell'
export { default as CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup'
export { default as Input } from '@nutui/nutui-react-taro/dist/es/packages/input'
export { default as Avatar } from '@nutui/nutui-react-taro/dist/es/packages/avatar'
export { default as Skeleton } from '@nutui/nutui-react-taro/dist/es/packages/skeleton'
export { default as Loading } from '@nutui/nutui-react-taro/dist/es/packages/loading'
export { default as Switch } from '@nutui/nutui-react-taro/dist/es/packages/switch'
