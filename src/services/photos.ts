import Taro from '@tarojs/taro'
import type { Result } from '@contract'
import { ApiError } from './api'
import { currentOpenid } from './identity'
import { cancelled, cloudPathOf } from './storage'

/** An uploaded photo: the id the back end stores, and a URL this client can display it from. */
export interface Photo {
  fileId: string
  url: string
}

/** Upload progress in percent, 0–100. */
export type OnProgress = (percent: number) => void

/** Photos leave the phone no larger than this: enough to see a pothole, small enough for a weak signal. */
export const PHOTO_LIMITS = { maxEdge: 1600, maxBytes: 300 * 1024 }

/** JPEG qualities tried in turn until the photo fits under the byte limit. */
export const QUALITY_STEPS = [0.85, 0.75, 0.65, 0.55, 0.45]

/** Below this long edge we stop shrinking: a smaller photo would not show the problem any more. */
const MIN_EDGE = 480

export interface Size {
  width: number
  height: number
}

/** The size that keeps the aspect ratio with the long edge at most `maxEdge`; never enlarges. */
export function fitWithin({ width, height }: Size, maxEdge: number): Size {
  const scale = Math.min(1, maxEdge / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/**
 * Encodes at falling quality until the result fits in `maxBytes`; when even the lowest quality is too big
 * (a very busy scene), shrinks the picture by a quarter and starts again. Answers the smallest try if
 * nothing fits before the picture would get too small to be useful.
 */
export async function encodeUnderLimit<T extends { size: number }>(
  original: Size,
  encode: (size: Size, quality: number) => Promise<T>,
  limits: { maxEdge: number; maxBytes: number } = PHOTO_LIMITS
): Promise<T> {
  let size = fitWithin(original, limits.maxEdge)
  let smallest: T | undefined
  for (;;) {
    for (const quality of QUALITY_STEPS) {
      const result = await encode(size, quality)
      if (result.size <= limits.maxBytes) return result
      if (!smallest || result.size < smallest.size) smallest = result
    }
    const edge = Math.max(size.width, size.height)
    if (edge * 0.75 < MIN_EDGE) return smallest!
    size = fitWithin(size, Math.round(edge * 0.75))
  }
}

/**
 * Opens the camera or the album (the platform asks which) for up to `count` photos and answers their
 * local paths; an empty list when the user backs out.
 */
export async function choosePhotos(count: number): Promise<string[]> {
  if (count < 1) return []
  try {
    if (process.env.TARO_ENV === 'h5') {
      const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      return res.tempFilePaths
    }
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })
    return res.tempFiles.map((f) => f.tempFilePath)
  } catch (e) {
    if (cancelled(e)) return []
    throw new ApiError('INTERNAL', '无法打开相机或相册，请检查权限设置')
  }
}

/** Shrinks, re-encodes (which also drops EXIF, GPS included) and uploads one photo from a local path. */
export async function uploadPhoto(localPath: string, onProgress?: OnProgress): Promise<Photo> {
  onProgress?.(0)
  return process.env.TARO_ENV === 'h5' ? uploadH5(localPath, onProgress) : uploadWeapp(localPath, onProgress)
}

// ---------------------------------------------------------------- weapp

async function uploadWeapp(localPath: string, onProgress?: OnProgress): Promise<Photo> {
  let filePath: string
  try {
    const info = await Taro.getImageInfo({ src: localPath })
    const fs = Taro.getFileSystemManager()
    const best = await encodeUnderLimit(info, async ({ width, height }, quality) => {
      const { tempFilePath } = await Taro.compressImage({ src: localPath, quality: Math.round(quality * 100), compressedWidth: width, compressedHeight: height })
      return { path: tempFilePath, size: fs.statSync(tempFilePath).size as number }
    })
    filePath = best.path
  } catch {
    throw new ApiError('INTERNAL', '照片处理失败，请换一张试试')
  }
  let cloudPath: string
  try {
    cloudPath = await cloudPathOf('photos', 'jpg')
  } catch {
    throw new ApiError('NETWORK', '照片上传失败，请检查网络后重试')
  }
  const fileId = await new Promise<string>((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      cloudPath,
      filePath,
      success: (res) => resolve(res.fileID),
      fail: () => reject(new ApiError('NETWORK', '照片上传失败，请检查网络后重试'))
    })
    task.onProgressUpdate((res) => onProgress?.(res.progress))
  })
  // weapp's <Image> shows a cloud fileID its owner uploaded as it is
  return { fileId, url: fileId }
}

// ---------------------------------------------------------------- h5

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('not an image'))
    img.src = src
  })
}

function toJpeg(img: HTMLImageElement, { width, height }: Size, quality: number): Promise<Blob> {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d')!
  // JPEG has no transparency: without a white ground a PNG's clear areas turn black.
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, width, height)
  ctx.drawImage(img, 0, 0, width, height)
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))), 'image/jpeg', quality))
}

async function uploadH5(localPath: string, onProgress?: OnProgress): Promise<Photo> {
  let blob: Blob
  try {
    const img = await loadImage(localPath)
    blob = await encodeUnderLimit({ width: img.naturalWidth, height: img.naturalHeight }, (size, quality) => toJpeg(img, size, quality))
  } catch {
    throw new ApiError('UNSUPPORTED_FILE', '这张照片无法读取，请换一张试试')
  }
  const form = new FormData()
  form.append('file', blob, 'photo.jpg')
  const answer = await new Promise<Result<{ fileId: string; url: string }>>((resolve, reject) => {
    // XMLHttpRequest rather than fetch: only it reports upload progress.
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/files')
    xhr.setRequestHeader('x-openid', currentOpenid())
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(Math.round((e.loaded / e.total) * 100))
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText))
      } catch {
        reject(new ApiError('INTERNAL', '照片上传失败，请稍后再试'))
      }
    }
    xhr.onerror = () => reject(new ApiError('NETWORK', '照片上传失败，请检查网络后重试'))
    xhr.send(form)
  })
  if (!answer.ok) throw new ApiError(answer.code, answer.message, answer.issues)
  onProgress?.(100)
  // a signed URL: an <img> sends no x-openid, and the runtime shows a file only to its owner or through one
  return { fileId: answer.data.fileId, url: answer.data.url }
}

/**
 * H5: the photo again, for one of this person's uploads whose signed URL has run out (a draft kept past the hour):
 * read as its owner, which an <img> cannot say; null when it cannot be read.
 */
export async function ownPhotoUrl(fileId: string): Promise<string | null> {
  const res = await fetch(`/files/${fileId}`, { headers: { 'x-openid': currentOpenid() } }).catch(() => null)
  return res?.ok ? URL.createObjectURL(await res.blob()) : null
}
