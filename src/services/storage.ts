import { api } from './api'

/** Where this client's photos and spreadsheets go in cloud storage, shared by both uploaders. */
let owner: Promise<string> | undefined
/**
 * In WeChat a client writes straight to cloud storage, under a folder named by its user id: the functions take
 * only files from the caller's own folder, so a file id alone lends nobody else's photo.
 */
export const cloudPathOf = async (folder: 'photos' | 'imports', ext: string) => {
  owner ??= api.call('users', 'me').then((me) => me.id)
  owner.catch(() => (owner = undefined))
  return `${folder}/${await owner}/${new Date().toISOString().slice(0, 7)}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.${ext}`
}

/** The platform's picker was closed without a choice: not an error to show. */
export const cancelled = (e: unknown) => /cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? e))
