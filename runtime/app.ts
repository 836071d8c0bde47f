import { existsSync } from 'node:fs'
import multipart from '@fastify/multipart'
import Fastify, { type FastifyError, type FastifyReply } from 'fastify'
import { ERROR_MESSAGES, type ErrorCode, type Failure, type Result } from '../types/errors'
import type { LocalFiles } from '../cloudfunctions/core/adapters/local/files'
import { AppError } from '../cloudfunctions/core/errors'
import { userIdOf } from '../cloudfunctions/core/identity'
import type { Deps } from '../cloudfunctions/core/ports'
import { functions } from '../cloudfunctions/registry'
import { serveBuild } from './static'
import { admitUpload } from './uploads'
import { STATUS } from './status'

export interface RuntimeOptions {
  deps: Deps & { files: LocalFiles }
  /** The H5 build to serve; the API works without it. */
  staticDir?: string
  /** How long an API call may take before it is cancelled and answered 503. */
  requestTimeoutMs?: number
}

const JSON_LIMIT = 1024 * 1024
const FILE_LIMIT = 10 * 1024 * 1024
const OPENID = /^[A-Za-z0-9_-]{1,64}$/
const REQUEST_TIMEOUT_MS = 15_000

function fail(reply: FastifyReply, code: ErrorCode, message: string = ERROR_MESSAGES[code]) {
  const body: Failure = { ok: false, code, message }
  return reply.code(STATUS[code]).send(body)
}

/** The local runtime: the cloud functions, file storage and the H5 build behind one HTTP server (DESIGN.md §3). */
export async function createRuntime({ deps, staticDir, requestTimeoutMs = REQUEST_TIMEOUT_MS }: RuntimeOptions) {
  const app = Fastify({ bodyLimit: JSON_LIMIT })

  // Bodies are JSON whatever the declared type, so `curl -d '{...}'` (form-encoded by default) works too.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, body === '' ? undefined : JSON.parse(body as string))
    } catch {
      done(Object.assign(new Error('bad json'), { statusCode: 400, code: 'BAD_JSON' }), undefined)
    }
  })
  await app.register(multipart, { limits: { fileSize: FILE_LIMIT, files: 1, fields: 5 } })

  app.setErrorHandler((error: FastifyError, _req, reply) => {
    if (error.code === 'BAD_JSON') return fail(reply, 'BAD_REQUEST', '请求体不是合法的 JSON')
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return fail(reply, 'PAYLOAD_TOO_LARGE', `提交的内容太大（请求不超过 1 MB，文件不超过 10 MB）`)
    }
    if (error.statusCode && error.statusCode < 500) return fail(reply, 'BAD_REQUEST', `请求格式不正确`)
    deps.logger.error('runtime error', { error: error.stack })
    return fail(reply, 'INTERNAL')
  })

  const caller = (header: string | string[] | undefined) => (typeof header === 'string' && OPENID.test(header) ? header : undefined)

  app.post<{ Params: { fn: string } }>('/api/:fn', async (req, reply) => {
    const handler = Object.hasOwn(functions, req.params.fn) ? functions[req.params.fn as keyof typeof functions] : undefined
    if (!handler) return fail(reply, 'UNKNOWN_FUNCTION', `没有 ${req.params.fn} 这个服务`)
    // A request the client gave up on, or that ran past its deadline, stops at its next store call and rolls back
    const deadline = new AbortController()
    const timer = setTimeout(() => deadline.abort(), requestTimeoutMs)
    const abandoned = () => !reply.raw.writableFinished && deadline.abort()
    reply.raw.once('close', abandoned)
    try {
      const result: Result<unknown> = await handler(req.body, { openid: caller(req.headers['x-openid']), deps, signal: deadline.signal })
      return reply.code(result.ok ? 200 : STATUS[result.code]).send(result)
    } finally {
      clearTimeout(timer)
    }
  })

  app.post('/files', async (req, reply) => {
    const openid = caller(req.headers['x-openid'])
    if (!openid) return fail(reply, 'UNAUTHENTICATED')
    if (!req.isMultipart()) return fail(reply, 'BAD_REQUEST', '请用 multipart/form-data 上传，文件放在 file 字段')
    let part, content
    try {
      part = await req.file()
      if (!part || part.fieldname !== 'file') return fail(reply, 'BAD_REQUEST', '请把文件放在 file 字段')
      content = await part.toBuffer()
    } catch (error) {
      // Size limits carry their own code; anything else the multipart parser throws means a broken upload.
      if ((error as FastifyError).code?.startsWith('FST_')) throw error
      return fail(reply, 'BAD_REQUEST', '上传的文件不完整，请重新上传')
    }
    const owner = userIdOf(openid)
    let contentType
    try {
      contentType = await admitUpload(deps, owner, content, part.mimetype)
    } catch (error) {
      if (error instanceof AppError) return fail(reply, error.code, error.message)
      throw error
    }
    const purpose = contentType.startsWith('image/') ? 'upload' : 'import'
    const stored = await deps.files.put(content, { contentType, name: part.filename, owner, purpose })
    const [url] = await deps.files.urls([stored.fileId])
    return { ok: true, data: { fileId: stored.fileId, size: stored.size, contentType, url } }
  })

  // Read by its owner, or through a signed URL a use case handed to someone it lets see the file.
  app.get<{ Params: { id: string }; Querystring: { e?: string; s?: string } }>('/files/:id', async (req, reply) => {
    const openid = caller(req.headers['x-openid'])
    const file = await deps.files.read(req.params.id, { expires: req.query.e, signature: req.query.s, owner: openid && userIdOf(openid) })
    if (!file) return fail(reply, 'NOT_FOUND', '文件不存在或已过期')
    if (file === 'forbidden') return fail(reply, 'FORBIDDEN', '没有查看这个文件的权限，或链接已过期，请刷新页面')
    return reply
      .header('content-type', file.contentType)
      .header('cache-control', req.query.s ? 'private, max-age=3600' : 'private, no-cache')
      .header('x-content-type-options', 'nosniff')
      .send(file.content)
  })

  if (staticDir && existsSync(staticDir)) await serveBuild(app, staticDir)
  app.setNotFoundHandler((_req, reply) => fail(reply, 'NOT_FOUND', '没有这个地址'))
  return app
}
