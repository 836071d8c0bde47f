/** Where 长辈版 is remembered on this phone; apart from elder.ts so tests and scripts can read it without Taro. */
export const ELDER_KEY = 'cwt.elder'
