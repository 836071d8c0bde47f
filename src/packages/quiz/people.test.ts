import type { QuizCard } from '@contract'
import { cardActions, formatDuration, letters, readParam, urls } from './people'

const card = (over: Partial<QuizCard>): QuizCard => ({
  id: 'q1',
  title: '文明城市知识竞答',
  description: '',
  opensAt: '2026-11-22T01:00:00.000Z',
  closesAt: '2026-11-30T01:00:00.000Z',
  questionCount: 10,
  timeLimitMinutes: 20,
  passMark: 60,
  attemptsAllowed: 2,
  attemptsUsed: 0,
  audience: 'everyone',
  state: 'open',
  reason: null,
  best: null,
  openAttemptId: null,
  lastAttemptId: null,
  ...over
})

describe('cardActions', () => {
  it('when an attempt is in progress, then the card resumes it even if the window has closed', () => {
    expect(cardActions(card({ openAttemptId: 'q1:u:1', state: 'closed' })).primary).toEqual({ text: '继续答题', url: urls.paper('q1:u:1') })
  })

  it('when the quiz is open and untried, then 开始答题; after a try, 再答一次 and the last result', () => {
    expect(cardActions(card({})).primary?.text).toBe('开始答题')
    const again = cardActions(card({ attemptsUsed: 1, lastAttemptId: 'q1:u:1' }))
    expect(again.primary).toEqual({ text: '再答一次', url: urls.start('q1') })
    expect(again.resultUrl).toBe(urls.result('q1:u:1'))
  })

  it('when every attempt is used, then the button is blocked with that reason', () => {
    expect(cardActions(card({ attemptsUsed: 2, lastAttemptId: 'q1:u:2' }))).toMatchObject({ primary: null, blocked: '答题次数已用完' })
  })

  it('when the person is not eligible for want of a binding, then the reason shows and binding is offered', () => {
    const actions = cardActions(card({ state: 'not-eligible', reason: '本次答题面向学生，请先绑定学校和班级' }))
    expect(actions).toMatchObject({ primary: null, blocked: '本次答题面向学生，请先绑定学校和班级', bind: true })
    expect(cardActions(card({ state: 'not-eligible', reason: '本次答题仅限指定学校的学生参加' })).bind).toBe(false)
  })

  it('when the quiz is upcoming or closed, then the button says when it opens or that it ended', () => {
    expect(cardActions(card({ state: 'upcoming' })).blocked).toMatch(/^11月22日 \d\d:00 开始$/)
    expect(cardActions(card({ state: 'closed' })).blocked).toBe('答题已结束')
  })
})

describe('urls and readParam', () => {
  it('when an attempt id has colons, then it survives the trip through the page url', () => {
    const url = urls.result('q1:user-9:2')
    const id = new URLSearchParams(url.split('?')[1]).get('attemptId') ?? undefined
    expect(id).toBe('q1:user-9:2')
    expect(readParam(encodeURIComponent('q1:user-9:2'))).toBe('q1:user-9:2')
    expect(readParam(undefined)).toBe('')
  })
})

describe('letters', () => {
  it('when options are chosen in any order, then they read as letters in option order', () => {
    expect(letters([2, 0])).toBe('AC')
    expect(letters(null)).toBe('')
  })
})

describe('formatDuration', () => {
  it('when under a minute, an hour, or more, then seconds, minutes and seconds, or hours and minutes', () => {
    expect(formatDuration(45)).toBe('45秒')
    expect(formatDuration(725)).toBe('12分05秒')
    expect(formatDuration(3725)).toBe('1小时02分')
  })
})

