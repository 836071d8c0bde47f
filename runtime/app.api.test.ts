import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, crc32, deflateSync, gunzipSync } from 'node:zlib'
import { DEMO_IDENTITIES } from '../types/domain'
import { reports, users } from '../cloudfunctions/core/collections'
import { userIdOf } from '../cloudfunctions/core/identity'
import { sweep } from '../cloudfunctions/reports/daily'
import { requestId, SPOT } from '../test/support/reports'
import { startRuntime, type TestRuntime } from '../test/support/runtime'
import { createRuntime } from './app'
import { precompress } from './static'

let rt: TestRuntime
beforeEach(async () => {
  rt = await startRuntime()
})
afterEach(() => rt.app.close())

const post = (url: string, payload: string, headers: Record<string, string> = {}) => rt.app.inject({ method: 'POST', url, payload, headers: { 'x-openid': 'demo-admin', ...headers } })

// A 1x1 PNG, the smallest real image.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

/** A phone photo as it leaves the camera: an APP1 Exif segment naming a GPS position right after SOI. */
const JPEG_WITH_GPS = (() => {
  const jpeg = readFileSync(path.join(__dirname, 'demo', 'manhole-before.jpg'))
  const exif = Buffer.from('Exif\0\0MM\0*GPSLatitude 25/1 29/1 3012/100', 'latin1')
  const head = Buffer.from([0xff, 0xe1, 0, 0])
  head.writeUInt16BE(exif.length + 2, 2)
  return Buffer.concat([jpeg.subarray(0, 2), head, exif, jpeg.subarray(2)])
})()

function multipart(content: Buffer, filename: string, type: string, field = 'file') {
  const boundary = '----cwt' + Math.random().toString(16).slice(2)
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`
  return { payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

describe('the local HTTP contract', () => {
  it('when a body comes form-encoded as curl -d sends it, then it is still read as JSON', async () => {
    const res = await post('/api/campaign', '{"action":"overview"}', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ ok: true, data: { departments: 10 } })
  })

  it.each([
    ['malformed JSON', '/api/users', '{"action":', 400, 'BAD_REQUEST'],
    ['an empty body', '/api/users', '', 400, 'BAD_REQUEST'],
    ['a JSON array', '/api/users', '[1,2]', 400, 'BAD_REQUEST'],
    ['an unknown function', '/api/weather', '{"action":"today"}', 404, 'UNKNOWN_FUNCTION'],
    ['a prototype name as function', '/api/constructor', '{"action":"x"}', 404, 'UNKNOWN_FUNCTION'],
    ['an unknown action', '/api/users', '{"action":"dance"}', 404, 'UNKNOWN_ACTION']
  ])('when the request has %s, then it answers %i %s without a stack trace', async (_, url, body, status, code) => {
    const res = await post(url, body, { 'content-type': 'application/json' })
    expect(res.statusCode).toBe(status)
    expect(res.json()).toEqual({ ok: false, code, message: expect.any(String) })
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/)
  })

  it('when the body is over 1 MB, then it answers 413', async () => {
    const res = await post('/api/users', JSON.stringify({ action: 'me', payload: { pad: 'x'.repeat(1.2 * 1024 * 1024) } }), { 'content-type': 'application/json' })
    expect(res.statusCode).toBe(413)
    expect(res.json()).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE' })
  })

  it('when x-openid is malformed, then the caller counts as unidentified', async () => {
    const res = await post('/api/users', '{"action":"me"}', { 'x-openid': '../../etc/passwd', 'content-type': 'application/json' })
    expect(res.statusCode).toBe(401)
  })

  it('when the same newcomer fires 30 first requests at once over real HTTP, then exactly one user is registered and counted', async () => {
    await rt.app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = rt.app.server.address() as AddressInfo
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        fetch(`http://127.0.0.1:${port}/api/users`, { method: 'POST', headers: { 'x-openid': 'rushing-newcomer', 'content-type': 'application/json' }, body: '{"action":"me"}' }).then((r) => r.json())
      )
    )
    expect(new Set(answers.map((a) => a.data.id)).size).toBe(1)
    expect(await users(rt.deps.store).count({ openid: 'rushing-newcomer' })).toBe(1)
    expect((await rt.deps.store.collection<{ _id: string; value: number }>('counters').findOne({ _id: 'users' }))?.value).toBe(DEMO_IDENTITIES.length + 1)
  })
})

describe('deadlines', () => {
  it('when calls queue for the store past their deadline, then the late ones answer 503 UNAVAILABLE and keep nothing', async () => {
    const hurried = await createRuntime({ deps: rt.deps, requestTimeoutMs: 5 })
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => hurried.inject({ method: 'POST', url: '/api/users', headers: { 'x-openid': `queued-${i}` }, payload: '{"action":"me"}' }))
    )
    const late = answers.filter((a) => a.statusCode === 503)
    expect(late.length).toBeGreaterThan(0)
    expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 503)).toBe(true)
    expect(late[0].json()).toEqual({ ok: false, code: 'UNAVAILABLE', message: '服务繁忙，请求没有完成，请稍后再试' })
    // a late first visit registered nobody: the people counted are the ones answered
    expect(await users(rt.deps.store).count({ openid: /^queued-/ })).toBe(answers.length - late.length)
    await hurried.close()
  })
})

describe('files', () => {
  it('when an image is uploaded, then it can be fetched back byte for byte with its type', async () => {
    const form = multipart(PNG, 'dot.png', 'image/png')
    const up = await rt.app.inject({ method: 'POST', url: '/files', payload: form.payload, headers: { ...form.headers, 'x-openid': 'demo-resident' } })
    expect(up.statusCode).toBe(200)
    const { url } = up.json().data
    const down = await rt.app.inject({ method: 'GET', url })
    expect(down.statusCode).toBe(200)
    expect(down.headers['content-type']).toBe('image/png')
    expect(down.rawPayload.equals(PNG)).toBe(true)
  })

  it('when a file claims to be an image but is not, then it answers 415 and stores nothing', async () => {
    const form = multipart(Buffer.from('<script>alert(1)</script>'), 'x.png', 'image/png')
    const res = await rt.app.inject({ method: 'POST', url: '/files', payload: form.payload, headers: { ...form.headers, 'x-openid': 'demo-resident' } })
    expect(res.statusCode).toBe(415)
    expect(res.json()).toMatchObject({ ok: false, code: 'UNSUPPORTED_FILE' })
  })

  it('when the multipart body is broken, then it answers 400, not a server error', async () => {
    const form = multipart(PNG, 'dot.png', 'image/png')
    const res = await rt.app.inject({ method: 'POST', url: '/files', payload: form.payload, headers: { 'content-type': 'multipart/form-data; boundary=nope', 'x-openid': 'demo-resident' } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ ok: false, code: 'BAD_REQUEST' })
  })

  it('when nobody is identified, then an upload is refused with 401', async () => {
    const form = multipart(PNG, 'dot.png', 'image/png')
    const res = await rt.app.inject({ method: 'POST', url: '/files', payload: form.payload, headers: form.headers })
    expect(res.statusCode).toBe(401)
  })

  it('when the file is not in the file field, then it answers 400 naming the field', async () => {
    const form = multipart(PNG, 'dot.png', 'image/png', 'photo')
    const res = await rt.app.inject({ method: 'POST', url: '/files', payload: form.payload, headers: { ...form.headers, 'x-openid': 'demo-resident' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toContain('file')
  })

  it('when a file id is unknown or malformed, then it answers 404', async () => {
    for (const id of ['aaaaaaaaaaaaaaaaaaaaaaaa', '..%2F..%2Fpackage.json']) {
      const res = await rt.app.inject({ method: 'GET', url: `/files/${id}` })
      expect(res.statusCode).toBe(404)
      expect(res.json()).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    }
  })
})

describe('who may read a file', () => {
  const upload = async (openid: string, content = PNG, name = 'dot.png', type = 'image/png') => {
    const form = multipart(content, name, type)
    const res = await rt.app.inject({ method: 'POST', url: '/files', payload: form.payload, headers: { ...form.headers, 'x-openid': openid } })
    expect(res.statusCode).toBe(200)
    return res.json().data as { fileId: string; url: string }
  }
  const get = (url: string, openid?: string) => rt.app.inject({ method: 'GET', url, headers: openid ? { 'x-openid': openid } : {} })

  it('when an upload is fetched, then its owner and its signed URL read it, a stranger or a bare id does not, and nothing is cached for a year', async () => {
    const { fileId, url } = await upload('demo-resident')

    const byOwner = await get(`/files/${fileId}`, 'demo-resident')
    const bySignedUrl = await get(url)
    const byStranger = await get(`/files/${fileId}`, 'demo-volunteer')
    const byNobody = await get(`/files/${fileId}`)
    const forged = await get(url.replace(/s=[^&]+/, 's=' + 'a'.repeat(43)), 'demo-volunteer')

    expect([byOwner.statusCode, bySignedUrl.statusCode]).toEqual([200, 200])
    expect(bySignedUrl.rawPayload.equals(PNG)).toBe(true)
    expect(bySignedUrl.headers['cache-control']).not.toMatch(/31536000|immutable/)
    expect([byStranger.statusCode, byNobody.statusCode, forged.statusCode]).toEqual([403, 403, 403])
    expect(byStranger.json()).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('when a signed URL is older than its life, then it no longer reads the file', async () => {
    const { url } = await upload('demo-resident')
    rt.clock.advance(3 * 3600_000)
    expect((await get(url)).statusCode).toBe(403)
  })

  it('when the office exports the ledger, then only the admin who made it reads it, and after 24 h it is gone and swept from storage', async () => {
    const res = await rt.call('reports', 'export', {}, 'demo-admin')
    expect(res.status).toBe(200)
    const { fileId, url } = res.body.data

    expect(await rt.deps.files.get(fileId)).toMatchObject({ owner: userIdOf('demo-admin'), purpose: 'export' })
    expect((await get(url)).statusCode).toBe(200)
    expect((await get(`/files/${fileId}`, 'demo-admin')).statusCode).toBe(200)
    expect((await get(`/files/${fileId}`, 'demo-handler')).statusCode).toBe(403)
    expect((await get(`/files/${fileId}`, 'demo-resident')).statusCode).toBe(403)

    rt.clock.advance(25 * 3600_000)
    expect((await get(`/files/${fileId}`, 'demo-admin')).statusCode).toBe(404)
    expect((await sweep(rt.deps)).filesRemoved).toBe(1)
    expect(await rt.deps.files.get(fileId)).toBeNull()
  })

  it('when a case is filed, then its photo is a stripped copy its reporter owns, the upload with its GPS is deleted by the next sweep, and the case shows it', async () => {
    const { fileId } = await upload('demo-resident', JPEG_WITH_GPS, 'gps.jpg', 'image/jpeg')

    const res = await rt.call('reports', 'submit', { categoryId: 'g2-01', description: '人行道上的井盖缺了一角，晚上容易绊倒人', photos: [fileId], location: SPOT, anonymous: false }, 'demo-resident', requestId())

    expect(res.status).toBe(200)
    const kept = (await reports(rt.deps.store).findOne({ _id: res.body.data.id }))!.photos[0]
    expect(kept).not.toBe(fileId)
    expect((await get(`/files/${fileId}`, 'demo-volunteer')).statusCode).toBe(403)
    await sweep(rt.deps)
    expect(await rt.deps.files.get(fileId)).toBeNull()
    const copy = (await rt.deps.files.get(kept))!
    expect(copy).toMatchObject({ owner: userIdOf('demo-resident'), purpose: 'report-photo' })
    expect(copy.content.includes(Buffer.from('GPS'))).toBe(false)
    expect((await get(res.body.data.photos[0])).statusCode).toBe(200)
  })

  it('when a submit is refused at its second photo, then the copy of the first is not kept and both uploads stay for a retry', async () => {
    const good = await upload('demo-resident', JPEG_WITH_GPS, 'gps.jpg', 'image/jpeg')
    const broken = await upload('demo-resident', PNG.subarray(0, 40), 'cut.png')
    const made: string[] = []
    const put = rt.deps.files.put.bind(rt.deps.files)
    rt.deps.files.put = async (content, meta) => {
      const stored = await put(content, meta)
      made.push(stored.fileId)
      return stored
    }

    const res = await rt.call('reports', 'submit', { categoryId: 'g2-01', description: '人行道上的井盖缺了一角，晚上容易绊倒人', photos: [good.fileId, broken.fileId], location: SPOT, anonymous: false }, 'demo-resident', requestId())

    expect(res.status).toBe(400)
    expect(made).toHaveLength(1)
    expect(await rt.deps.files.get(made[0])).toBeNull()
    expect(await rt.deps.files.get(good.fileId)).not.toBeNull()
    expect(await rt.deps.files.get(broken.fileId)).not.toBeNull()
    expect(await reports(rt.deps.store).count({})).toBe(0)
  })

  it("when someone files a case with another person's upload, then it is refused and the upload is untouched", async () => {
    const { fileId } = await upload('demo-resident')

    const res = await rt.call('reports', 'submit', { categoryId: 'g2-01', description: '人行道上的井盖缺了一角，晚上容易绊倒人', photos: [fileId], location: SPOT, anonymous: false }, 'demo-volunteer', requestId())

    expect(res.status).toBe(400)
    expect(res.body.issues[0].field).toBe('photos')
    expect(await rt.deps.files.get(fileId)).not.toBeNull()
  })
})

describe('what an upload may be', () => {
  /** A PNG whose header claims `width`×`height`: a few dozen bytes that would take gigabytes to draw. */
  function pngOfSize(width: number, height: number) {
    const chunk = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8)
      head.writeUInt32BE(data.length, 0)
      head.write(type, 4, 'latin1')
      const crc = Buffer.alloc(4)
      crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
      return Buffer.concat([head, data, crc])
    }
    const ihdr = Buffer.alloc(13)
    ihdr.writeUInt32BE(width, 0)
    ihdr.writeUInt32BE(height, 4)
    ihdr.set([8, 6, 0, 0, 0], 8)
    return Buffer.concat([PNG.subarray(0, 8), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))])
  }
  const send = (content: Buffer, openid = 'demo-resident') => {
    const form = multipart(content, 'big.png', 'image/png')
    return rt.app.inject({ method: 'POST', url: '/files', payload: form.payload, headers: { ...form.headers, 'x-openid': openid } })
  }

  it('when an image claims more than 40 megapixels, then it is refused from its header, stored nowhere, and a case cannot take one put in storage directly', async () => {
    const puts: unknown[] = []
    const put = rt.deps.files.put.bind(rt.deps.files)
    rt.deps.files.put = async (content, meta) => (puts.push(meta), put(content, meta))

    const res = await send(pngOfSize(30000, 30000))

    expect(res.statusCode).toBe(413)
    expect(res.json()).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE' })
    expect(res.json().message).toContain('4000 万像素')
    expect(puts).toEqual([])
    expect((await send(pngOfSize(4000, 3000))).statusCode).toBe(200)

    // as the mini-program does, straight into storage
    const stored = (await put(pngOfSize(30000, 30000), { contentType: 'image/png', owner: userIdOf('demo-resident'), purpose: 'upload' })).fileId
    const submit = await rt.call('reports', 'submit', { categoryId: 'g2-01', description: '人行道上的井盖缺了一角，晚上容易绊倒人', photos: [stored], location: SPOT, anonymous: false }, 'demo-resident', requestId())
    expect(submit).toMatchObject({ status: 400, body: { issues: [{ field: 'photos' }] } })
    expect(await reports(rt.deps.store).count({})).toBe(0)
  })

  it('when a resident has uploaded 100 files today, then the next is refused with 429 and nothing stored, staff may upload more, and tomorrow they may upload again', async () => {
    for (let i = 0; i < 100; i++) expect((await send(PNG)).statusCode).toBe(200)
    const puts: unknown[] = []
    const put = rt.deps.files.put.bind(rt.deps.files)
    rt.deps.files.put = async (content, meta) => (puts.push(meta), put(content, meta))

    const refused = await send(PNG)

    expect(refused.statusCode).toBe(429)
    expect(refused.json()).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    expect(puts).toEqual([])
    expect((await send(PNG, 'demo-volunteer')).statusCode).toBe(200)
    for (let i = 0; i < 101; i++) expect((await send(PNG, 'demo-handler')).statusCode).toBe(200)
    rt.clock.advance(24 * 3600_000)
    expect((await send(PNG)).statusCode).toBe(200)
  })
})

describe('the H5 build', () => {
  // A build as Taro lays it out: index.html and a content-hashed script, both over the 1 KB worth compressing.
  const script = `console.log(${JSON.stringify('创文通 '.repeat(400))})\n`
  const html = `<!doctype html><html><head><title>创文通</title><script defer src="/js/app.1a2b3c4d.js"></script></head><body>${'<p>随手拍</p>'.repeat(100)}</body></html>`
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cwt-static-'))
    mkdirSync(path.join(dir, 'js'))
    writeFileSync(path.join(dir, 'js', 'app.1a2b3c4d.js'), script)
    writeFileSync(path.join(dir, 'index.html'), html)
    // Under 1 KB, like Taro's real index.html: left uncompressed.
    mkdirSync(path.join(dir, 'small'))
    writeFileSync(path.join(dir, 'small', 'index.html'), '<!doctype html><title>创文通</title>')
    expect(await precompress(dir)).toBe(4)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  beforeEach(async () => {
    await rt.app.close()
    rt = await startRuntime({ staticDir: dir })
  })

  const get = (url: string, acceptEncoding?: string) => rt.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} })
  const decode = { br: brotliDecompressSync, gzip: gunzipSync, identity: (b: Buffer) => b }

  it.each([
    ['br, gzip, deflate', 'br'],
    ['gzip, deflate', 'gzip'],
    ['', 'identity']
  ] as const)('when a browser accepting "%s" asks for a hashed script, then it gets the %s file, cached for a year', async (accepts, encoding) => {
    const res = await get('/js/app.1a2b3c4d.js', accepts)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBe(encoding === 'identity' ? undefined : encoding)
    expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(res.headers.vary).toMatch(/accept-encoding/i)
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length)
    if (encoding !== 'identity') expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 4)
    expect(decode[encoding](res.rawPayload).toString()).toBe(script)
  })

  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['', 'identity']
  ] as const)('when a browser accepting "%s" opens the site, then index.html comes %s and is revalidated on every load', async (accepts, encoding) => {
    const res = await get('/', accepts)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBe(encoding === 'identity' ? undefined : encoding)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.headers.vary).toMatch(/accept-encoding/i)
    expect(decode[encoding](res.rawPayload).toString()).toBe(html)
  })

  it('when the build is compressed again, then nothing is rewritten; when a file changes, then only its siblings are', async () => {
    expect(await precompress(dir)).toBe(0)
    const changed = html.replace('随手拍', '志愿服务')
    writeFileSync(path.join(dir, 'index.html'), changed)
    expect(await precompress(dir)).toBe(2)
    expect(decode.br((await get('/index.html', 'br')).rawPayload).toString()).toBe(changed)
  })

  it('when a page has no compressed sibling (under 1 KB), then a browser accepting br gets it as it is', async () => {
    const res = await get('/small/', 'br, gzip')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.headers.vary).toMatch(/accept-encoding/i)
    expect(res.body).toBe('<!doctype html><title>创文通</title>')
  })

  it('when a name is missing, then it answers the API\'s 404, not a compressed sibling of something else', async () => {
    const res = await get('/js/app.00000000.js', 'br')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})
