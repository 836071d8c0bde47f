import type { Deps } from '../core/ports'
import { finish } from './attempts'
import { finishStaleGradings } from './records'
import { quizRepository } from './repository'

const BATCH = 500

/**
 * Gradings a crash cut short are finished, and attempts whose time ran out while nobody looked are graded on what
 * was saved, so every figure counts them.
 */
export async function sweepQuiz(deps: Deps) {
  const finished = await finishStaleGradings(deps)
  const due = await quizRepository(deps.store).due(deps.clock.now().toISOString(), BATCH)
  let graded = 0
  for (const attempt of due) if (await finish(deps, attempt, 'deadline')) graded++
  return { finished, graded }
}
