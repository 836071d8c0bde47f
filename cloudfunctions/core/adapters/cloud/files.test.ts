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
    const url = await createCloudFiles(storage).url(FILE_ID)
    expect(storage.getTempFileURL).toHaveBeenCalledWith({ fileList: [{ fileID: FILE_ID, maxAge: 7200 }] })
    expect(url).toBe('https://7465-test-env-1300000000.tcb.qcloud.la/uploads/2026-03/0a1b.png?sign=x')
  })

  it('when the storage has no URL for the file, then url throws', async () => {
    const storage = fakeStorage()
    storage.getTempFileURL.mockResolvedValue({
      errMsg: 'getTempFileURL:ok',
      fileList: [{ fileID: FILE_ID, tempFileURL: '', maxAge: 7200, status: -503003, errMsg: 'storage file not exists' }]
    })
    await expect(createCloudFiles(storage).url(FILE_ID)).rejects.toThrow('storage file not exists')
  })
})
