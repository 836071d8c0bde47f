import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { users } from '../cloudfunctions/core/collections'
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
    expect((await rt.deps.store.collection<{ _id: string; value: number }>('counters').findOne({ _id: 'users' }))?.value).toBe(7)
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
    const { fileId } = up.json().data
    const down = await rt.app.inject({ method: 'GET', url: `/files/${fileId}` })
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
