import { createCloudFiles, type CloudStorage } from './files'

const FILE_ID = 'cloud://test-env.7465-test-env-1300000000/uploads/2026-03/0a1b.png'

// wx-server-sdk rejects with an Error carrying errCode and errMsg
const sdkError = (errCode: number, errMsg: string) => Object.assign(new Error(errMsg), { errCode, errMsg })

function fakeStorage() {
  return {
    uploadFile: jest.fn(async ({ cloudPath }: Parameters<CloudStorage['uploadFile']>[0]) => ({ fileID: `cloud://test-env.7465-test-env-1300000000/${cloudPath}`, statusCode: 200, errMsg: 'uploadFile:ok' })),
    downloadFile: jest.fn(async () => ({ fileContent: Buffer.from('png bytes'), statusCode: 200, errMsg: 'downloadFile:ok' })),
    getTempFileURL: jest.fn(async () => ({
      errMsg: 'getTempFileURL:ok',
      fileList: [{ fileID: FILE_ID, tempFileURL: 'https://7465-test-env-1300000000.tcb.qcloud.la/uploads/2026-03/0a1b.png?sign=x', maxAge: 7200, status: 0, errMsg: 'ok' }]
    }))
  } satisfies CloudStorage
}

describe('cloud files', () => {
  it('when a file is put, then it is uploaded under uploads/<yyyy-mm>/ with a random name and its fileID answered', async () => {
    const storage = fakeStorage()
    const content = Buffer.from('png bytes')

    const stored = await createCloudFiles(storage).put(content, { contentType: 'image/png' })

    const [{ cloudPath, fileContent }] = storage.uploadFile.mock.calls[0]
    expect(cloudPath).toMatch(/^uploads\/\d{4}-\d{2}\/[0-9a-f]{32}\.png$/)
    expect(fileContent).toBe(content)
    expect(stored).toEqual({ fileId: `cloud://test-env.7465-test-env-1300000000/${cloudPath}`, contentType: 'image/png', size: content.length })
  })

  it.each([
    [{ contentType: 'image/jpeg', name: 'IMG_0001.JPEG' }, 'jpeg'],
    [{ contentType: 'image/jpeg' }, 'jpg'],
    [{ contentType: 'application/x-unknown' }, 'bin']
  ])('when a file is put with %j, then its path ends in .%s', async (meta, extension) => {
    const storage = fakeStorage()
    await createCloudFiles(storage).put(Buffer.from('x'), meta)
    expect(storage.uploadFile.mock.calls[0][0].cloudPath.endsWith(`.${extension}`)).toBe(true)
  })

  it('when a stored file is read, then its content comes back with size and the type its extension stands for', async () => {
    const storage = fakeStorage()
    const file = await createCloudFiles(storage).get(FILE_ID)
    expect(storage.downloadFile).toHaveBeenCalledWith({ fileID: FILE_ID })
    expect(file).toEqual({ fileId: FILE_ID, contentType: 'image/png', size: 9, content: Buffer.from('png bytes') })
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
