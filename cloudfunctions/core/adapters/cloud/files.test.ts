import http from 'node:http'
import * as cloud from 'wx-server-sdk'
import { cloudOffline } from '../../../../test/support/cloud-wire'
import { createCloudFiles, type CloudStorage } from './files'

const OWNER = 'u0123456789abcdef0123456'
const FILE_ID = `cloud://test-env.7465-test-env-1300000000/photos/${OWNER}/2026-03/0a1b.png`
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

// wx-server-sdk rejects with an Error carrying errCode and errMsg
const sdkError = (errCode: number, errMsg: string) => Object.assign(new Error(errMsg), { errCode, errMsg })

function fakeStorage() {
  return {
    uploadFile: jest.fn(async ({ cloudPath }: Parameters<CloudStorage['uploadFile']>[0]) => ({ fileID: `cloud://test-env.7465-test-env-1300000000/${cloudPath}`, statusCode: 200, errMsg: 'uploadFile:ok' })),
    downloadFile: jest.fn(async () => ({ fileContent: PNG, statusCode: 200, errMsg: 'downloadFile:ok' })),
    deleteFile: jest.fn(async ({ fileList }: Parameters<CloudStorage['deleteFile']>[0]) => ({ fileList: fileList.map((fileID) => ({ fileID, status: 0, errMsg: 'ok' })), errMsg: 'deleteFile:ok' })),
    getTempFileURL: jest.fn(async () => ({
      errMsg: 'getTempFileURL:ok',
      fileList: [{ fileID: FILE_ID, tempFileURL: 'https://7465-test-env-1300000000.tcb.qcloud.la/uploads/2026-03/0a1b.png?sign=x', maxAge: 7200, status: 0, errMsg: 'ok' }]
    }))
  } satisfies CloudStorage
}

describe('cloud files', () => {
  it('when an export is put, then it is uploaded under exports/<owner>/<yyyy-mm>/ with a random name, apart from what clients upload', async () => {
    const storage = fakeStorage()
    const content = Buffer.from('xlsx bytes')

    const stored = await createCloudFiles(storage).put(content, { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', owner: OWNER, purpose: 'export' })

    const [{ cloudPath, fileContent }] = storage.uploadFile.mock.calls[0]
    expect(cloudPath).toMatch(new RegExp(`^exports/${OWNER}/\\d{4}-\\d{2}/[0-9a-f]{32}\\.xlsx$`))
    expect(fileContent).toBe(content)
    expect(stored).toEqual({ fileId: `cloud://test-env.7465-test-env-1300000000/${cloudPath}`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: content.length, owner: OWNER, purpose: 'export', expiresAt: null })
  })

  it.each([
    [{ contentType: 'image/jpeg', name: 'IMG_0001.JPEG' }, 'jpg'],
    [{ contentType: 'application/x-unknown', name: 'a.PNG' }, 'png'],
    [{ contentType: 'application/x-unknown' }, 'bin']
  ])('when a file is put with %j, then its path ends in .%s', async (meta, extension) => {
    const storage = fakeStorage()
    await createCloudFiles(storage).put(Buffer.from('x'), { ...meta, owner: OWNER, purpose: 'report-photo' })
    expect(storage.uploadFile.mock.calls[0][0].cloudPath.endsWith(`.${extension}`)).toBe(true)
  })

  it('when a photo a user uploaded is read, then it comes back with its owner and purpose from its path and its type from its bytes', async () => {
    const storage = fakeStorage()
    const file = await createCloudFiles(storage).get(FILE_ID.replace('.png', '.pdf'))
    expect(storage.downloadFile).toHaveBeenCalledWith({ fileID: FILE_ID.replace('.png', '.pdf') })
    expect(file).toMatchObject({ contentType: 'image/png', size: PNG.length, content: PNG, owner: OWNER, purpose: 'upload' })
  })

  it('when a file id lies outside the layout (another folder, no owner), then get answers null without downloading it', async () => {
    const storage = fakeStorage()
    for (const id of ['cloud://test-env.7465-test-env-1300000000/uploads/2026-03/0a1b.png', `cloud://test-env.7465-test-env-1300000000/secret/${OWNER}/2026-03/a.png`]) {
      expect(await createCloudFiles(storage).get(id)).toBeNull()
    }
    expect(storage.downloadFile).not.toHaveBeenCalled()
  })

  it('when files are removed, then storage deletes them in one call', async () => {
    const storage = fakeStorage()
    await createCloudFiles(storage).remove([FILE_ID])
    expect(storage.deleteFile).toHaveBeenCalledWith({ fileList: [FILE_ID] })
  })

  it('when the storage says the file does not exist, then get answers null', async () => {
    const storage = fakeStorage()
    storage.downloadFile.mockRejectedValue(sdkError(-503003, 'downloadFile:fail -503003 storage file not exists.'))
    expect(await createCloudFiles(storage).get(FILE_ID)).toBeNull()
  })

  it('when the download fails otherwise, then the error is not hidden', async () => {
    const storage = fakeStorage()
    storage.downloadFile.mockRejectedValue(sdkError(-501001, 'downloadFile:fail -501001 system error.'))
    await expect(createCloudFiles(storage).get(FILE_ID)).rejects.toThrow('-501001')
  })

  it('when a URL is asked for, then a temporary URL valid for two hours is answered', async () => {
    const storage = fakeStorage()
    const [url] = await createCloudFiles(storage).urls([FILE_ID])
    expect(storage.getTempFileURL).toHaveBeenCalledWith({ fileList: [{ fileID: FILE_ID, maxAge: 7200 }] })
    expect(url).toBe('https://7465-test-env-1300000000.tcb.qcloud.la/uploads/2026-03/0a1b.png?sign=x')
  })

  it('when no URL is asked for, then storage is not called', async () => {
    const storage = fakeStorage()
    expect(await createCloudFiles(storage).urls([])).toEqual([])
    expect(storage.getTempFileURL).not.toHaveBeenCalled()
  })

  it('when the storage has no URL for the file, then urls throws', async () => {
    const storage = fakeStorage()
    storage.getTempFileURL.mockResolvedValue({
      errMsg: 'getTempFileURL:ok',
      fileList: [{ fileID: FILE_ID, tempFileURL: '', maxAge: 7200, status: -503003, errMsg: 'storage file not exists' }]
    })
    await expect(createCloudFiles(storage).urls([FILE_ID])).rejects.toThrow('storage file not exists')
  })
})

/** The real wx-server-sdk against an HTTP server in this test that answers as tcb-api does, as in store.test.ts. */
describe('cloud files on the wire', () => {
  const sent: { action: string; file_list: { fileid: string; max_age: number }[] }[] = []
  const server = http.createServer((req, res) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (raw += chunk))
    req.on('end', () => {
      const body = JSON.parse(raw) as (typeof sent)[number]
      sent.push(body)
      // tcb-api answers the list in its own order
      const list = [...body.file_list].reverse().map((f) => ({ code: 'SUCCESS', fileID: f.fileid, tempFileURL: `https://files.test/${f.fileid.split('/').pop()}?sign=s`, maxAge: f.max_age }))
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ requestId: 'r1', data: { download_list: list } }))
    })
  })
  let wire: Awaited<ReturnType<typeof cloudOffline>>
  beforeAll(async () => {
    wire = await cloudOffline(server)
  })
  afterAll(() => wire.close())

  it('when 120 URLs are asked for, then storage is called 3 times with at most 50 files each, and each file gets its own URL in order', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => FILE_ID.replace('0a1b.png', `f${i}.png`))
    sent.length = 0

    const urls = await createCloudFiles(cloud).urls(ids)

    expect(sent.map((body) => [body.action, body.file_list.length])).toEqual([['storage.batchGetDownloadUrl', 50], ['storage.batchGetDownloadUrl', 50], ['storage.batchGetDownloadUrl', 20]])
    expect(sent.flatMap((body) => body.file_list.map((f) => f.fileid)).sort()).toEqual([...ids].sort())
    expect(sent.every((body) => body.file_list.every((f) => f.max_age === 7200))).toBe(true)
    expect(urls).toEqual(ids.map((_, i) => `https://files.test/f${i}.png?sign=s`))
  })
})
