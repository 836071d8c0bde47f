/**
 * The real wx-server-sdk, pointed (through its `serviceUrl` option) at an HTTP server inside this test: each
 * test sees the exact JSON body the sdk would POST to tcb-api and answers it the way tcb-api does. Queries the
 * adapter builds are compared with the same queries written by hand with `db.command`.
 */
import http from 'node:http'
import * as cloud from 'wx-server-sdk'
import { cloudOffline } from '../../../../test/support/cloud-wire'
import { findAll } from '../../pages'
import { DuplicateKeyError, ReadLimitExceeded, type Collection, type Doc } from '../../ports'
import { createCloudStore, type CloudDatabase } from './store'

type Sent = Record<string, unknown>
type Command = CloudDatabase['command']
interface Transaction {
  collection(name: string): { doc(id: string): { get(): Promise<unknown>; update(options: object): Promise<unknown> } }
}

interface Report extends Doc {
  status: string
  score?: number
}

const sent: Sent[] = []
const answers: object[] = []
const server = http.createServer((req, res) => {
  let raw = ''
  req.setEncoding('utf8')
  req.on('data', (chunk: string) => (raw += chunk))
  req.on('end', () => {
    sent.push(JSON.parse(raw) as Sent)
    const answer = answers.shift() ?? { code: 'TEST_NO_ANSWER', message: 'the test queued no answer', requestId: 'r0' }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer))
  })
})

// tcb-api's answers, as @cloudbase/database reads them: records travel as EJSON strings
const found = (...docs: (object | string)[]) => ({ requestId: 'r1', data: { list: docs.map((d) => (typeof d === 'string' ? d : JSON.stringify(d))), limit: 100, offset: 0 } })
const counted = (total: number) => ({ requestId: 'r1', data: { total } })
const inserted = (id: string) => ({ requestId: 'r1', data: { insertedIds: [id] } })
const updated = (n: number) => ({ requestId: 'r1', data: { updated: n, upsert_id: null } })
const removed = (n: number) => ({ requestId: 'r1', data: { deleted: n } })
const grouped = (...groups: string[]) => ({ requestId: 'r1', data: { list: groups } })

/** Runs `call` with the answers queued, and gives back what it resolved to and the bodies it sent. */
async function exchange<R>(call: () => Promise<R>, ...replies: object[]) {
  sent.length = 0
  answers.splice(0, answers.length, ...replies)
  const result = await call()
  return { result, sent: [...sent] }
}

/** Both calls must put the same bodies on the wire; answers the adapter's result and bodies. */
async function sameWire<R>(viaStore: () => Promise<R>, byHand: () => Promise<unknown>, ...replies: object[]) {
  const ours = await exchange(viaStore, ...replies)
  const theirs = await exchange(byHand, ...replies)
  expect(ours.sent).toEqual(theirs.sent)
  return ours
}

const decoded = (field: unknown) => JSON.parse(field as string) as unknown

let db: CloudDatabase
let _: Command
let reports: Collection<Report>
let wire: Awaited<ReturnType<typeof cloudOffline>>

beforeAll(async () => {
  wire = await cloudOffline(server)
  db = cloud.database()
  _ = db.command
  reports = createCloudStore(db).collection<Report>('reports')
})

afterAll(() => wire.close())

describe('queries', () => {
  it('when fields are matched by value, including a dotted path, then the sdk sends them as written', async () => {
    const { sent } = await sameWire(
      () => reports.find({ status: 'open', 'location.district': 'west' }),
      async () => db.collection('reports').where({ status: 'open', 'location.district': 'west' }).limit(1000).get(),
      found()
    )
    expect(sent[0]).toMatchObject({ action: 'database.getDocument', collectionName: 'reports', limit: 1000 })
    expect(decoded(sent[0].query)).toEqual({ status: 'open', 'location.district': 'west' })
  })

  it('when a field is matched by a RegExp, then the sdk sends it as the regular expression a keyword search needs', async () => {
    const { sent } = await sameWire(
      () => reports.find({ description: /井盖/ }),
      async () => db.collection('reports').where({ description: /井盖/ }).limit(1000).get(),
      found()
    )
    expect(JSON.stringify(decoded(sent[0].query))).toContain('井盖')
  })

  it('when a field is matched against a whole object, then it is sent as $eq rather than flattened into dotted paths', async () => {
    const { sent } = await sameWire(
      () => reports.find({ location: { district: 'west' } }),
      async () => db.collection('reports').where({ location: _.eq({ district: 'west' }) }).limit(1000).get(),
      found()
    )
    expect(decoded(sent[0].query)).toEqual({ location: { $eq: { district: 'west' } } })
  })

  const comparisons: [string, unknown, (_: Command) => unknown, unknown][] = [
    ['$eq', 'open', (_) => _.eq('open'), { $eq: 'open' }],
    ['$ne', 'closed', (_) => _.neq('closed'), { $ne: 'closed' }],
    ['$gt', 3, (_) => _.gt(3), { $gt: { $numberInt: '3' } }],
    ['$gte', 3, (_) => _.gte(3), { $gte: { $numberInt: '3' } }],
    ['$lt', 3, (_) => _.lt(3), { $lt: { $numberInt: '3' } }],
    ['$lte', 3, (_) => _.lte(3), { $lte: { $numberInt: '3' } }],
    ['$in', ['a', 'b'], (_) => _.in(['a', 'b']), { $in: ['a', 'b'] }],
    ['$nin', ['a', 'b'], (_) => _.nin(['a', 'b']), { $nin: ['a', 'b'] }],
    ['$exists', true, (_) => _.exists(true), { $exists: true }],
    ['$exists', false, (_) => _.exists(false), { $exists: false }]
  ]
  it.each(comparisons)('when a field uses %s %j, then the wire query is the one db.command writes', async (operator, value, byHand, wire) => {
    const { sent } = await sameWire(
      () => reports.find({ score: { [operator]: value } }),
      async () => db.collection('reports').where({ score: byHand(_) }).limit(1000).get(),
      found()
    )
    expect(decoded(sent[0].query)).toEqual({ score: wire })
  })

  it('when one field has several operators, then they are joined like _.gt(1).and(_.lt(5))', async () => {
    const { sent } = await sameWire(
      () => reports.find({ score: { $gt: 1, $lt: 5 } }),
      async () => db.collection('reports').where({ score: _.gt(1).and(_.lt(5)) }).limit(1000).get(),
      found()
    )
    expect(decoded(sent[0].query)).toEqual({ $and: [{ score: { $gt: { $numberInt: '1' } } }, { score: { $lt: { $numberInt: '5' } } }] })
  })

  it.each([
    ['$and', (_: Command) => _.and],
    ['$or', (_: Command) => _.or],
    ['$nor', (_: Command) => _.nor]
  ] as const)('when the query is a top-level %s, then it is the matching db.command logic', async (operator, logic) => {
    const { sent } = await sameWire(
      () => reports.find({ [operator]: [{ status: 'open' }, { score: { $gte: 3 } }] }),
      async () => db.collection('reports').where(logic(_)([{ status: 'open' }, { score: _.gte(3) }])).limit(1000).get(),
      found()
    )
    expect(decoded(sent[0].query)).toEqual({ [operator]: [{ status: 'open' }, { score: { $gte: { $numberInt: '3' } } }] })
  })

  it('when fields and a logic operator share a query, then both go under one _.and', async () => {
    await sameWire(
      () => reports.find({ district: 'west', $or: [{ status: 'open' }, { score: { $lt: 2 } }] }),
      async () =>
        db
          .collection('reports')
          .where(_.and([{ district: 'west' }, _.or([{ status: 'open' }, { score: _.lt(2) }])]))
          .limit(1000)
          .get(),
      found()
    )
  })

  it('when logic operators are nested, then each level is translated', async () => {
    const { sent } = await sameWire(
      () => reports.find({ $or: [{ $and: [{ status: 'open' }, { score: { $lt: 2 } }] }, { $nor: [{ closedAt: { $exists: true } }] }] }),
      async () =>
        db
          .collection('reports')
          .where(_.or([_.and([{ status: 'open' }, { score: _.lt(2) }]), _.nor([{ closedAt: _.exists(true) }])]))
          .limit(1000)
          .get(),
      found()
    )
    expect(decoded(sent[0].query)).toEqual({
      $or: [{ $and: [{ status: 'open' }, { score: { $lt: { $numberInt: '2' } } }] }, { $nor: [{ closedAt: { $exists: true } }] }]
    })
  })

  it.each([
    [{ title: { $regex: '^a' } }, /\$regex/],
    [{ $where: 'this.a > 1' }, /\$where/],
    [{ score: { $gt: 1, max: 2 } }, /max/],
    [{ $or: [] }, /\$or/]
  ])('when a query holds %j, then it is refused before anything is sent', async (query, message) => {
    sent.length = 0
    await expect(reports.find(query)).rejects.toThrow(message)
    expect(sent).toEqual([])
  })
})

describe('find options and reads', () => {
  it('when sort, skip, limit and a projection are given, then they become orderBy per key, skip, limit and field', async () => {
    const { sent } = await sameWire(
      () => reports.find({ status: 'open' }, { sort: { createdAt: -1, _id: 1 }, skip: 20, limit: 10, projection: { title: 1, status: 1 } }),
      async () =>
        db
          .collection('reports')
          .where({ status: 'open' })
          .orderBy('createdAt', 'desc')
          .orderBy('_id', 'asc')
          .skip(20)
          .limit(10)
          .field({ title: true, status: true })
          .get(),
      found()
    )
    expect(sent[0]).toMatchObject({ offset: 20, limit: 10 })
    expect(decoded(sent[0].order)).toEqual({ createdAt: { $numberInt: '-1' }, _id: { $numberInt: '1' } })
    expect(decoded(sent[0].projection)).toEqual({ title: { $numberInt: '1' }, status: { $numberInt: '1' } })
  })

  it('when fields are left out by projection, then field() is told 0 for them', async () => {
    await sameWire(
      () => reports.find({}, { projection: { history: 0 } }),
      async () => db.collection('reports').where({}).limit(1000).field({ history: false }).get(),
      found()
    )
  })

  it('when a read asks for 1,001 documents, then it fails before anything is sent', async () => {
    sent.length = 0
    await expect(reports.find({}, { limit: 1001 })).rejects.toBeInstanceOf(ReadLimitExceeded)
    expect(sent).toEqual([])
  })

  it('when no limit is given and 1,000 come back, then the matches are counted: 1,001 fail the read, 1,000 are answered', async () => {
    const thousand = Array.from({ length: 1000 }, (_, i) => ({ _id: `r${i}`, status: 'open' }))
    await expect(exchange(() => reports.find({ status: 'open' }), found(...thousand), counted(1001))).rejects.toBeInstanceOf(ReadLimitExceeded)
    expect(sent.map((body) => body.action)).toEqual(['database.getDocument', 'database.calculateDocument'])
    expect(sent[0].limit).toBe(1000)
    expect(decoded(sent[1].query)).toEqual({ status: 'open' })
    const { result } = await exchange(() => reports.find({ status: 'open' }), found(...thousand), counted(1000))
    expect(result).toHaveLength(1000)
    const fewer = await exchange(() => reports.find({ status: 'open' }), found(...thousand.slice(0, 999)))
    expect(fewer.sent).toHaveLength(1)
  })

  it('when every match is read with findAll, then pages of 1,000 in _id order follow the last key until one comes back short', async () => {
    const page = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ _id: `r${String(from + i).padStart(4, '0')}`, status: 'open' }))
    const { result, sent } = await exchange(() => findAll(reports, { status: 'open' }), found(...page(0, 1000)), found(...page(1000, 1)))
    expect(result).toHaveLength(1001)
    expect(sent.map((body) => [body.limit, decoded(body.order), decoded(body.query)])).toEqual([
      [1000, { _id: { $numberInt: '1' } }, { status: 'open' }],
      [1000, { _id: { $numberInt: '1' } }, { status: 'open', _id: { $gt: 'r0999' } }]
    ])
  })

  it('when records come back, then find answers them decoded from EJSON', async () => {
    const { result } = await exchange(
      () => reports.find({ status: 'open' }),
      found('{"_id":"r1","status":"open","score":{"$numberInt":"4"}}', '{"_id":"r2","status":"open","score":{"$numberDouble":"2.5"}}')
    )
    expect(result).toEqual([
      { _id: 'r1', status: 'open', score: 4 },
      { _id: 'r2', status: 'open', score: 2.5 }
    ])
  })

  it('when findOne is asked, then it reads one record and answers it, or null when there is none', async () => {
    const hit = await exchange(() => reports.findOne({ status: 'open' }), found({ _id: 'r1', status: 'open' }))
    const miss = await exchange(() => reports.findOne({ status: 'gone' }), found())
    expect(hit.sent[0]).toMatchObject({ action: 'database.getDocument', limit: 1 })
    expect(hit.result).toEqual({ _id: 'r1', status: 'open' })
    expect(miss.result).toBeNull()
  })

  it('when counting, then where().count() is sent and its total answered', async () => {
    const { result, sent } = await sameWire(
      () => reports.count({ status: { $in: ['open', 'assigned'] } }),
      async () => db.collection('reports').where({ status: _.in(['open', 'assigned']) }).count(),
      counted(7)
    )
    expect(sent[0].action).toBe('database.calculateDocument')
    expect(result).toBe(7)
  })
})

describe('writes', () => {
  it('when inserting, then the record goes to add() with its own _id and is answered back', async () => {
    const doc = { _id: 'r9', status: 'open', score: 2 }
    const { result, sent } = await sameWire(() => reports.insert(doc), async () => db.collection('reports').add({ data: doc }), inserted('r9'))
    expect(sent[0].action).toBe('database.insertDocument')
    expect(decoded((sent[0].data as string[])[0])).toEqual({ _id: 'r9', status: 'open', score: { $numberInt: '2' } })
    expect(result).toEqual(doc)
  })

  it('when the _id is taken, then insert throws DuplicateKeyError', async () => {
    const duplicate = {
      code: 'DATABASE_REQUEST_FAILED',
      message: '[FailedOperation] E11000 duplicate key error collection: tcb.reports index: _id_ dup key: { _id: "r9" }',
      requestId: 'r1'
    }
    answers.splice(0, answers.length, duplicate)
    await expect(reports.insert({ _id: 'r9', status: 'open' })).rejects.toBeInstanceOf(DuplicateKeyError)
  })

  it('when inserting if absent, then a new record answers true and a taken _id answers false, each with one add()', async () => {
    const doc = { _id: 'r9', status: 'open' }
    const added = await sameWire(() => reports.insertIfAbsent(doc), async () => db.collection('reports').add({ data: doc }), inserted('r9'))
    expect(added.result).toBe(true)
    const duplicate = { code: 'DATABASE_REQUEST_FAILED', message: '[FailedOperation] E11000 duplicate key error collection: tcb.reports index: _id_ dup key: { _id: "r9" }', requestId: 'r1' }
    const taken = await exchange(() => reports.insertIfAbsent(doc), duplicate)
    expect(taken.result).toBe(false)
    expect(taken.sent.map((body) => body.action)).toEqual(['database.insertDocument'])
  })

  it('when several operators update every match, then each field gets its db.command and stats.updated is answered', async () => {
    const entry = { at: '2026-03-01T08:00:00.000Z', to: 'closed' }
    const { result, sent } = await sameWire(
      () =>
        reports.update(
          { status: 'open' },
          { $set: { status: 'closed', location: { district: 'east' } }, $inc: { views: 1 }, $push: { history: entry }, $unset: { draft: true } },
          { multi: true }
        ),
      async () =>
        db
          .collection('reports')
          .where({ status: 'open' })
          .update({ data: { status: _.set('closed'), location: _.set({ district: 'east' }), views: _.inc(1), history: _.push([entry]), draft: _.remove() } }),
      updated(3)
    )
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ action: 'database.modifyDocument', multi: true })
    expect(result).toBe(3)
  })

  const updates: [string, Record<string, unknown>, (_: Command) => Record<string, unknown>, unknown][] = [
    // the object replaces `location` whole: no 'location.district' key that would merge into it
    ['$set', { location: { district: 'east' } }, (_) => ({ location: _.set({ district: 'east' }) }), { $set: { location: { district: 'east' } } }],
    ['$set', { 'location.district': 'east' }, (_) => ({ 'location.district': _.set('east') }), { $set: { 'location.district': 'east' } }],
    ['$inc', { views: 2 }, (_) => ({ views: _.inc(2) }), { $inc: { views: { $numberInt: '2' } } }],
    // an array is appended as one element
    ['$push', { tags: ['a', 'b'] }, (_) => ({ tags: _.push([['a', 'b']]) }), { $push: { tags: { $each: [['a', 'b']] } } }],
    ['$unset', { draft: true }, (_) => ({ draft: _.remove() }), { $unset: { draft: '' } }]
  ]
  it.each(updates)('when updating with %s %j, then the wire update is the one db.command writes', async (operator, fields, byHand, wire) => {
    const { sent } = await sameWire(
      () => reports.update({ status: 'open' }, { [operator]: fields }, { multi: true }),
      async () => db.collection('reports').where({ status: 'open' }).update({ data: byHand(_) }),
      updated(1)
    )
    expect(decoded(sent[0].data)).toEqual(wire)
  })

  it('when a single update has no _id, then the first match is looked up and the update is pinned to it with the condition kept', async () => {
    const { result, sent } = await exchange(
      () => reports.update({ status: 'open', score: { $lt: 3 } }, { $set: { status: 'assigned' } }),
      found({ _id: 'r4' }),
      updated(1)
    )
    const byHand = await exchange(
      async () => {
        await db.collection('reports').where({ status: 'open', score: _.lt(3) }).limit(1).field({ _id: true }).get()
        return db.collection('reports').where({ status: 'open', score: _.lt(3), _id: 'r4' }).update({ data: { status: _.set('assigned') } })
      },
      found({ _id: 'r4' }),
      updated(1)
    )
    expect(sent).toEqual(byHand.sent)
    expect(sent.map((body) => body.action)).toEqual(['database.getDocument', 'database.modifyDocument'])
    expect(result).toBe(1)
  })

  it('when a single update matches nothing, then no update is sent and 0 is answered', async () => {
    const { result, sent } = await exchange(() => reports.update({ status: 'gone' }, { $inc: { views: 1 } }), found())
    expect(sent).toHaveLength(1)
    expect(result).toBe(0)
  })

  it('when a single update names one _id, then it is sent at once, and a condition that no longer holds answers 0', async () => {
    const { result } = await sameWire(
      () => reports.update({ _id: 'a1', taken: { $lt: 30 } }, { $inc: { taken: 1 } }),
      async () => db.collection('reports').where({ _id: 'a1', taken: _.lt(30) }).update({ data: { taken: _.inc(1) } }),
      updated(0)
    )
    expect(result).toBe(0)
  })

  it('when a single update has its own _id condition, then the pinned _id is added beside it with _.and', async () => {
    const { sent } = await exchange(() => reports.update({ _id: { $in: ['a1', 'a2'] } }, { $set: { status: 'closed' } }), found({ _id: 'a2' }), updated(1))
    const byHand = await exchange(
      async () => db.collection('reports').where(_.and([{ _id: 'a2' }, { _id: _.in(['a1', 'a2']) }])).update({ data: { status: _.set('closed') } }),
      updated(1)
    )
    expect(sent[1]).toEqual(byHand.sent[0])
  })

  it.each([
    [{ $rename: { a: 'b' } }, /\$rename/],
    [{ $set: { a: 1 }, $inc: { a: 1 } }, /a twice/],
    [{}, /nothing/]
  ])('when an update is %j, then it is refused before anything is sent', async (update, message) => {
    sent.length = 0
    await expect(reports.update({ status: 'open' }, update as never)).rejects.toThrow(message)
    expect(sent).toEqual([])
  })

  it('when removing every match, then where().remove() is sent and stats.removed answered', async () => {
    const { result, sent } = await sameWire(
      () => reports.remove({ status: 'spam' }, { multi: true }),
      async () => db.collection('reports').where({ status: 'spam' }).remove(),
      removed(4)
    )
    expect(sent[0]).toMatchObject({ action: 'database.removeDocument', multi: true })
    expect(result).toBe(4)
  })

  it('when removing a single match, then it is pinned to the first match _id', async () => {
    const { result, sent } = await exchange(() => reports.remove({ status: 'spam' }), found({ _id: 's1' }), removed(1))
    const byHand = await exchange(async () => db.collection('reports').where({ status: 'spam', _id: 's1' }).remove(), removed(1))
    expect(sent[1]).toEqual(byHand.sent[0])
    expect(result).toBe(1)
  })
})

describe('countBy', () => {
  it('when counting by a field, then match, group with $.sum(1) and a limit are sent and the groups answered as a record', async () => {
    const { result, sent } = await sameWire(
      () => reports.countBy({ createdAt: { $gte: '2026-03-01' } }, 'status'),
      async () =>
        db
          .collection('reports')
          .aggregate()
          .match({ createdAt: _.gte('2026-03-01') })
          .group({ _id: '$status', n: _.aggregate.sum(1) })
          .limit(1001)
          .end(),
      grouped('{"_id":"open","n":{"$numberInt":"3"}}', '{"_id":"closed","n":{"$numberInt":"5"}}', '{"_id":null,"n":{"$numberInt":"1"}}')
    )
    expect(sent[0]).toMatchObject({
      action: 'database.aggregateDocuments',
      stages: [
        { stageKey: '$match', stageValue: '{"createdAt":{"$gte":"2026-03-01"}}' },
        { stageKey: '$group', stageValue: '{"_id":"$status","n":{"$sum":{"$numberInt":"1"}}}' },
        { stageKey: '$limit', stageValue: '1001' }
      ]
    })
    expect(result).toEqual({ open: 3, closed: 5, '': 1 })
  })

  it('when more than 1,000 groups come back, then countBy fails rather than answer some of them', async () => {
    const groups = Array.from({ length: 1001 }, (_, i) => `{"_id":"u${i}","n":{"$numberInt":"1"}}`)
    await expect(exchange(() => reports.countBy({}, 'userId'), grouped(...groups))).rejects.toBeInstanceOf(ReadLimitExceeded)
  })
})

describe('sum', () => {
  it('when adding up a field, then match and a null-keyed group with $.sum of the field are sent and the total answered', async () => {
    const { result, sent } = await sameWire(
      () => reports.sum({ status: 'closed' }, 'hoursToFix'),
      async () => db.collection('reports').aggregate().match({ status: 'closed' }).group({ _id: null, n: _.aggregate.sum('$hoursToFix') }).end(),
      grouped('{"_id":null,"n":{"$numberDouble":"37.5"}}')
    )
    expect(sent[0]).toMatchObject({
      action: 'database.aggregateDocuments',
      stages: [
        { stageKey: '$match', stageValue: '{"status":"closed"}' },
        { stageKey: '$group', stageValue: '{"_id":null,"n":{"$sum":"$hoursToFix"}}' }
      ]
    })
    expect(result).toBe(37.5)
  })
})

describe('take', () => {
  // tcb-api's transaction answers, as @cloudbase/database reads them: the id sits beside requestId, not under data
  const started = (id = 't1') => ({ requestId: 'r1', transactionId: id })
  const ended = () => ({ requestId: 'r1' })
  const conflict = () => ({
    code: 'DATABASE_TRANSACTION_CONFLICT',
    message: '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others.',
    requestId: 'r1'
  })
  const seat = { _id: 'a', title: 'park cleanup', taken: 29, seats: { youth: 4 } }
  const actions = (bodies: Sent[]) => bodies.map((body) => body.action)

  it('when the record still matches, then get and $inc go inside one transaction and the new value is answered', async () => {
    const { result, sent } = await sameWire(
      () => reports.take({ _id: 'a', taken: { $lt: 30 } }, 'taken'),
      async () =>
        db.runTransaction(async (t: Transaction) => {
          await t.collection('reports').doc('a').get()
          await t.collection('reports').doc('a').update({ data: { taken: _.inc(1) } })
        }, 0),
      started(),
      found(seat),
      updated(1),
      ended()
    )
    expect(actions(sent)).toEqual(['database.startTransaction', 'database.getDocument', 'database.modifyDocument', 'database.commitTransaction'])
    expect(sent[1]).toMatchObject({ collectionName: 'reports', transactionId: 't1' })
    expect(decoded(sent[1].query)).toEqual({ _id: 'a' })
    expect(sent[2]).toMatchObject({ collectionName: 'reports', transactionId: 't1', multi: false, upsert: false })
    expect(decoded(sent[2].query)).toEqual({ _id: 'a' })
    expect(decoded(sent[2].data)).toEqual({ $inc: { taken: { $numberInt: '1' } } })
    expect(sent[3]).toMatchObject({ transactionId: 't1' })
    expect(result).toBe(30)
  })

  it('when the field is a dotted path, then the nested value is incremented and answered', async () => {
    const { result, sent } = await exchange(() => reports.take({ _id: 'a', 'seats.youth': { $gt: 0 } }, 'seats.youth'), started(), found(seat), updated(1), ended())
    expect(decoded(sent[2].data)).toEqual({ $inc: { 'seats.youth': { $numberInt: '1' } } })
    expect(result).toBe(5)
  })

  it('when the field is missing, then $inc creates it and 1 is answered', async () => {
    const { result } = await exchange(() => reports.take({ _id: 'a' }, 'queue'), started(), found(seat), updated(1), ended())
    expect(result).toBe(1)
  })

  it('when the record no longer matches the query, then no update is sent, the transaction ends and null is answered', async () => {
    const { result, sent } = await exchange(() => reports.take({ _id: 'a', taken: { $lt: 30 } }, 'taken'), started(), found({ ...seat, taken: 30 }), ended())
    expect(actions(sent)).toEqual(['database.startTransaction', 'database.getDocument', 'database.commitTransaction'])
    expect(result).toBeNull()
  })

  it('when the whole query is tested, then a condition beside the counter one also decides', async () => {
    const { result, sent } = await exchange(
      () => reports.take({ _id: 'a', $or: [{ title: 'other' }, { 'seats.youth': { $gte: 5 } }] }, 'taken'),
      started(),
      found(seat),
      ended()
    )
    expect(actions(sent)).not.toContain('database.modifyDocument')
    expect(result).toBeNull()
  })

  it('when the record does not exist, then no update is sent and null is answered', async () => {
    const { result, sent } = await exchange(() => reports.take({ _id: 'gone' }, 'taken'), started(), found(), ended())
    expect(actions(sent)).toEqual(['database.startTransaction', 'database.getDocument', 'database.commitTransaction'])
    expect(result).toBeNull()
  })

  it('when the update conflicts with another transaction, then it is rolled back and the take starts over on a fresh read', async () => {
    const { result, sent } = await exchange(
      () => reports.take({ _id: 'a', taken: { $lt: 31 } }, 'taken'),
      started('t1'),
      found(seat),
      conflict(),
      ended(),
      started('t2'),
      found({ ...seat, taken: 30 }),
      updated(1),
      ended()
    )
    expect(actions(sent)).toEqual([
      'database.startTransaction',
      'database.getDocument',
      'database.modifyDocument',
      'database.abortTransaction',
      'database.startTransaction',
      'database.getDocument',
      'database.modifyDocument',
      'database.commitTransaction'
    ])
    expect(sent[3]).toMatchObject({ transactionId: 't1' })
    expect(sent[7]).toMatchObject({ transactionId: 't2' })
    expect(result).toBe(31)
  })

  it('when the commit conflicts, then the take starts over', async () => {
    const { result, sent } = await exchange(
      () => reports.take({ _id: 'a' }, 'taken'),
      started('t1'),
      found(seat),
      updated(1),
      conflict(),
      ended(),
      started('t2'),
      found({ ...seat, taken: 30 }),
      updated(1),
      ended()
    )
    expect(actions(sent).filter((action) => action === 'database.startTransaction')).toHaveLength(2)
    expect(result).toBe(31)
  })

  it('when every one of 5 attempts conflicts, then the conflict is thrown', async () => {
    const attempt = [started(), found(seat), conflict(), ended()]
    sent.length = 0
    answers.splice(0, answers.length, ...Array.from({ length: 5 }, () => attempt).flat())
    await expect(reports.take({ _id: 'a' }, 'taken')).rejects.toThrow(/TransactionConflict/)
    expect(actions(sent).filter((action) => action === 'database.startTransaction')).toHaveLength(5)
    expect(answers).toEqual([])
  })

  it('when the read fails otherwise, then it is thrown at once without a retry', async () => {
    const failed = { code: 'DATABASE_PERMISSION_DENIED', message: 'permission denied', requestId: 'r1' }
    sent.length = 0
    answers.splice(0, answers.length, started(), failed, ended())
    await expect(reports.take({ _id: 'a' }, 'taken')).rejects.toThrow(/permission denied/)
    expect(actions(sent)).toEqual(['database.startTransaction', 'database.getDocument', 'database.abortTransaction'])
  })

  it('when the query holds an operator CloudBase does not answer, then it is refused before anything is sent', async () => {
    sent.length = 0
    await expect(reports.take({ _id: 'a', title: { $regex: '^p' } }, 'taken')).rejects.toThrow(/\$regex/)
    expect(sent).toEqual([])
  })
})
