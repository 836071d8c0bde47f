import dns from 'node:dns'
import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as cloud from 'wx-server-sdk'

/**
 * The real wx-server-sdk pointed at `server`, a local stand-in of CloudBase, with nothing able to leave this
 * machine: every host name lookup fails and the server is reached by IP. Call in beforeAll; `close` in afterAll
 * fails the file if any lookup was tried.
 */
export async function cloudOffline(server: http.Server) {
  const env = { ...process.env }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const lookup = jest.spyOn(dns, 'lookup').mockImplementation(((host: string, ...rest: unknown[]) => {
    const callback = rest[rest.length - 1] as (error: Error) => void
    process.nextTick(callback, new Error(`network disabled in tests: ${host}`))
  }) as unknown as typeof dns.lookup)
  // as inside a cloud function, where the sdk does not probe Tencent's metadata service to find out where it is
  Object.assign(process.env, { TENCENTCLOUD_RUNENV: 'SCF', TENCENTCLOUD_REGION: 'ap-shanghai', SCF_NAMESPACE: 'test-env', SILENCE: 'true' })
  cloud.init({ env: 'test-env', secretId: 'AKIDtest', secretKey: 'test-key', timeout: 2000, serviceUrl: `http://127.0.0.1:${port}/admin` } as never)
  return {
    async close() {
      await new Promise((resolve) => server.close(resolve))
      process.env = env
      // restore before asserting: dns is shared with the other test files of this worker
      const lookups = lookup.mock.calls.map(([host]) => host)
      lookup.mockRestore()
      expect(lookups).toEqual([])
    }
  }
}
