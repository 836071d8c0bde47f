/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5'
  }
}

/** CloudBase environment id, injected at build time from CLOUD_ENV (config/index.ts). */
declare const CLOUD_ENV: string
