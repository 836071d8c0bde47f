import { defineAction, type Actions } from '../core/action'
import { createHandler } from '../core/router'
import { answer, practice, resume, showResult, start, submit } from './attempts'
import { grantTime, people } from './extra-time'
import { importQuestions, previewImport, template } from './import'
import { awareness, board, classCodes, exportAwareness, listQuestions, listQuizzes, saveQuestion, saveQuiz, saveUnit, showQuiz } from './office'
import { bind, home, listUnits, profile } from './participants'
import * as schemas from './schemas'
import { list as wrongBook } from './wrong-book'

const office = ['admin'] as const

export const quizActions: Actions<'quiz'> = {
  home: defineAction({ allow: 'anyone', schema: schemas.noPayload, run: (_, ctx) => home(ctx) }),
  profile: defineAction({ allow: 'anyone', schema: schemas.noPayload, run: (_, ctx) => profile(ctx) }),
  units: defineAction({ allow: 'anyone', schema: schemas.unitKind, run: listUnits }),
  bind: defineAction({ allow: 'anyone', schema: schemas.bind, run: bind }),
  start: defineAction({ allow: 'anyone', schema: schemas.start, run: start }),
  practice: defineAction({ allow: 'anyone', schema: schemas.practice, run: practice }),
  paper: defineAction({ allow: 'anyone', schema: schemas.attempt, run: resume }),
  answer: defineAction({ allow: 'anyone', schema: schemas.answer, run: answer }),
  submit: defineAction({ allow: 'anyone', schema: schemas.attempt, run: submit }),
  result: defineAction({ allow: 'anyone', schema: schemas.attempt, run: showResult }),
  wrongBook: defineAction({ allow: 'anyone', schema: schemas.page, run: wrongBook }),

  questions: defineAction({ allow: office, schema: schemas.questions, run: listQuestions }),
  saveQuestion: defineAction({ allow: office, schema: schemas.saveQuestion, run: saveQuestion }),
  template: defineAction({ allow: office, schema: schemas.noPayload, run: template }),
  previewImport: defineAction({ allow: office, schema: schemas.file, run: previewImport }),
  importQuestions: defineAction({ allow: office, schema: schemas.importQuestions, run: importQuestions }),
  quizzes: defineAction({ allow: office, schema: schemas.page, run: listQuizzes }),
  quiz: defineAction({ allow: office, schema: schemas.quizOnly, run: showQuiz }),
  saveQuiz: defineAction({ allow: office, schema: schemas.quiz, run: saveQuiz }),
  saveUnit: defineAction({ allow: office, schema: schemas.saveUnit, run: saveUnit }),
  classCodes: defineAction({ allow: office, schema: schemas.schoolOnly, run: classCodes }),
  awareness: defineAction({ allow: office, schema: schemas.quizOnly, run: awareness }),
  board: defineAction({ allow: office, schema: schemas.board, run: board }),
  exportAwareness: defineAction({ allow: office, schema: schemas.quizOnly, run: exportAwareness, atomic: false }),
  people: defineAction({ allow: office, schema: schemas.people, run: people }),
  grantTime: defineAction({ allow: office, schema: schemas.grantTime, run: grantTime })
}

export const quizHandler = createHandler('quiz', quizActions)
