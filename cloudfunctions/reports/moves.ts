import { finish, finishStale, type Steps } from '../core/moves'
import type { Deps, Store } from '../core/ports'
import { reportRepository, type StoredReport } from './repository'
import { factsOf } from './tallies'
import { tellNews, tellReporter } from './workflow'

export const ACCEPT_POINTS = 10

/** What a case's move does after its own write (core/moves.ts), each step safe to take again. */
const STEPS: Steps<StoredReport> = {
  count: {
    once: true,
    run: (deps, report) => reportRepository(deps.store).countMove(report.pending.from, factsOf(report)),
    async repair(deps) {
      const repo = reportRepository(deps.store)
      await repo.repairCounters()
      await repo.repairTallies(deps.clock.now(), { now: true })
    }
  },
  /** The reporter, then the department, the office or the followers: each notice keyed by the move, so told once. */
  tell: {
    async run(deps, report) {
      const { tell, news = [], key } = report.pending
      if (tell) await tellReporter(deps, report, tell.title, tell.body, key)
      for (const n of news) await tellNews(deps, report, n, `${key}:${n.to}`)
    }
  },
  /** 受理: the reporter, the first to report this problem, earns points once. */
  award: {
    async run(deps, report) {
      const repo = reportRepository(deps.store)
      const at = report.acceptedAt ?? report.pending.at
      await repo.award({ _id: `accept-${report._id}`, userId: report.reporterId, points: ACCEPT_POINTS, reason: `随手拍「${report.categoryName}」被受理`, reportId: report._id, at })
      await repo.settleBalance(report.reporterId)
    }
  },
  /** 并入原问题: the reporter follows the original, to hear when it is fixed. */
  follow: {
    async run(deps, report) {
      await reportRepository(deps.store).follow(report.duplicateOf!, report.reporterId)
    }
  }
}

/** The steps every move takes after its write: the figures, then the notices. */
export const AFTER_EVERY_MOVE = ['count', 'tell']

export const finishMove = (deps: Deps, report: StoredReport) => finish(deps, cases(deps.store), report, STEPS)

/** The sweep's part: moves a crash cut short. */
export const finishStaleMoves = (deps: Deps) => finishStale(deps, cases(deps.store), STEPS)

const cases = (store: Store) => store.collection<StoredReport>('reports')
