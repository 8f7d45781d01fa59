/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    /** The platform being built: this app ships weapp, and h5 for local use. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /** The WeChat cloud environment id the mini-program calls (config/index.ts, default qunhuo-local). */
    TARO_APP_CLOUD_ENV: string
  }
}

/** Single NutUI icons (ui/icons.ts imports them one by one to keep the bundle small). */
declare module '@nutui/icons-react-taro/dist/es/icons/*.js' {
  import type { Home } from '@nutui/icons-react-taro'
  const Icon: typeof Home
  export default Icon
}
