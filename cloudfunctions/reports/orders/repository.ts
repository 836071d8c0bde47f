import { DEFAULT_ORDER_THRESHOLDS, ORDER_LEVELS, ORDER_STATES, WAITING_ON_UNIT, type Order, type OrderFilter, type OrderLevel, type OrderProposal, type OrderThresholds, type OrderThresholdsSetting } from '../../../types/orders'
import { orderProposals, orders, orderYears, reports, settings } from '../../core/collections'
import { notFound } from '../../core/errors'
import { findAll, pagesBy, pagesOf } from '../../core/pages'
import { type FindOptions, type Query, type Store, type Update } from '../../core/ports'
import { WITH_DEPARTMENT } from '../state'

function listQuery(filter: OrderFilter): Query {
  const q: Query = {}
  if (filter.departmentId) q.departmentId = filter.departmentId
  if (filter.level) q.level = filter.level
  if (filter.state === 'open') q.state = { $in: ORDER_STATES.filter((s) => s !== 'closed') }
  else if (filter.state) q.state = filter.state
  return q
}

const CASE_FIELDS = { no: 1, categoryName: 1, 'location.address': 1, status: 1, deadline: 1, overdue: 1, departmentId: 1 } as const

export function orderRepository(store: Store) {
  return {
    async get(id: string) {
      const order = await orders(store).findOne({ _id: id })
      if (!order) throw notFound('该督办单')
      return order
    },
    find: (id: string) => orders(store).findOne({ _id: id }),
    /** A page of the filtered orders, newest first. */
    page: (filter: OrderFilter, skip: number, limit: number) => orders(store).find(listQuery(filter), { sort: { issuedAt: -1 }, skip, limit }),
    count: (filter: OrderFilter) => orders(store).count(listQuery(filter)),
    /** Orders waiting on a unit's reply (every unit's without one): the red count on the unit's entry. */
    waitingOnUnit: (departmentId?: string) => orders(store).count({ ...(departmentId ? { departmentId } : {}), state: { $in: [...WAITING_ON_UNIT] } }),
    insert: (order: Order) => orders(store).insert(order),
    /** Applies a step only if the order is still in the state it was read in: two people acting at once cannot both win. */
    update: (order: Order, update: Update) => orders(store).update({ _id: order._id, state: order.state }, update),
    /** Marks an order escalated once; answers 0 when another escalation came first. */
    markEscalated: (id: string, update: Update) => orders(store).update({ _id: id, escalatedTo: null }, update),
    /** The open orders, a page at a time, for the sweep. */
    openPages: () => pagesOf(orders(store), { closedAt: null }),
    /** Whether any order names the case, so the sweep proposes no white order for a case already under one. */
    async covers(caseId: string) {
      return (await orders(store).find({ caseIds: caseId }, { limit: 1, projection: { _id: 1 } })).length > 0
    },
    /**
     * The year's next order number, taken atomically from its counter: concurrent issues never share one, and
     * a refused issue rolls its take back with the rest of its transaction, so the numbers have no gaps.
     */
    async nextNumber(year: number) {
      const key = String(year)
      const taken = await orderYears(store).take({ _id: key }, 'value')
      if (taken !== null) return taken
      await orderYears(store).insertIfAbsent({ _id: key, value: 0 })
      return (await orderYears(store).take({ _id: key }, 'value'))!
    },
    /** Orders given per unit and level in [from, to): what the monthly assessment reads, one count per level. */
    async countsByUnit(from: string, to: string) {
      const counts = {} as Record<OrderLevel, Record<string, number>>
      for (const level of ORDER_LEVELS) counts[level] = await orders(store).countBy({ level, issuedAt: { $gte: from, $lt: to } }, 'departmentId')
      return counts
    },
    /** Each order issued in [from, until) with its unit and level: the assessment names the orders it counts. */
    async issuedIn(from: string, until: string) {
      const all: Pick<Order, '_id' | 'departmentId' | 'level'>[] = []
      for await (const page of pagesBy(orders(store), { issuedAt: { $gte: from, $lt: until } }, 'issuedAt', 1, { departmentId: 1, level: 1, issuedAt: 1 })) all.push(...page)
      return all
    },

    cases: (ids: string[]) => (ids.length ? findAll(reports(store), { _id: { $in: ids } }, CASE_FIELDS) : Promise.resolve([])),
    /** Open cases past a deadline before `before`, for the white proposals. */
    latePages: (before: string) => pagesOf(reports(store), { status: { $in: WITH_DEPARTMENT }, deadline: { $lt: before } }, { ...CASE_FIELDS, _id: 1 }),

    async proposal(id: string) {
      const proposal = await orderProposals(store).findOne({ _id: id })
      if (!proposal) throw notFound('该督办建议')
      return proposal
    },
    /** Proposes once per key, whatever was decided before: a dismissed proposal stays dismissed. */
    async propose(proposal: OrderProposal) {
      return orderProposals(store).insertIfAbsent(proposal)
    },
    openProposals: (options: FindOptions) => orderProposals(store).find({ state: 'open' }, { sort: { proposedAt: -1 }, ...options }),
    countOpenProposals: () => orderProposals(store).count({ state: 'open' }),
    /** Decides an open proposal; answers 0 when someone decided it first. */
    decide: (id: string, set: Partial<OrderProposal>) => orderProposals(store).update({ _id: id, state: 'open' }, { $set: set }),

    async thresholds(): Promise<OrderThresholds> {
      const doc = (await settings(store).findOne({ _id: 'orderThresholds' })) as OrderThresholdsSetting | null
      return doc ? { white: doc.white, yellow: doc.yellow, red: doc.red } : DEFAULT_ORDER_THRESHOLDS
    }
  }
}

export type OrderRepository = ReturnType<typeof orderRepository>
