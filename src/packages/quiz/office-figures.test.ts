import type { ImportPreview, ImportRow } from '@contract'
import { defaultQuiz, durationText, fieldLabel, importBlock, importedText, percentOf, percentText, rateColour, rowProblems, scoreText, unitFacts } from './office-figures'

describe('percentText, percentOf and scoreText', () => {
  it('when a rate is given, then it reads as a percent with at most one decimal', () => {
    expect(percentText(5 / 6)).toBe('83.3%')
    expect(percentText(1)).toBe('100%')
    expect(percentText(0)).toBe('0%')
    expect(percentText(0.8)).toBe('80%')
  })

  it('when there is no rate, then a dash stands in and the bar is empty', () => {
    expect(percentText(null)).toBe('—')
    expect(percentText(Number.NaN)).toBe('—')
    expect(percentOf(null)).toBe(0)
    expect(percentOf(0.8333)).toBe(83.3)
    expect(percentOf(1.2)).toBe(100)
  })

  it('when an average score is given, then it keeps one decimal only when it has one', () => {
    expect(scoreText(78.46)).toBe('78.5')
    expect(scoreText(80)).toBe('80')
    expect(scoreText(null)).toBe('—')
  })
})

describe('durationText', () => {
  it('when under a minute, an hour, or longer, then seconds, minutes and seconds, or hours and minutes', () => {
    expect(durationText(45)).toBe('45秒')
    expect(durationText(185)).toBe('3分05秒')
    expect(durationText(3725)).toBe('1小时02分')
    expect(durationText(-3)).toBe('0秒')
  })
})

describe('unitFacts', () => {
  it('when the unit size is known, then the participation rate follows the head count, and the passed count ends it', () => {
    expect(unitFacts({ participants: 12, participation: 0.4, passed: 9 })).toEqual(['参与 12 人', '参与率 40%', '通过 9 人'])
    expect(unitFacts({ participants: 12, participation: null, passed: 9 })).toEqual(['参与 12 人', '通过 9 人'])
  })
})

describe('import preview labelling', () => {
  const invalid: ImportRow = { row: 3, status: 'invalid', errors: [{ field: 'answer', message: '应为 A–D 中的字母' }, { field: 'options.2', message: '不能为空' }], question: null }
  const duplicate: ImportRow = { row: 5, status: 'duplicate', errors: [], question: null }
  const preview = (counts: Partial<ImportPreview>): ImportPreview => ({ rows: [invalid, duplicate], valid: 4, invalid: 1, duplicate: 1, ...counts })

  it('when a row is invalid, then each problem reads 第N行 · 字段 · 原因 with the column as the sheet names it', () => {
    expect(rowProblems(invalid)).toEqual(['第3行 · 答案 · 应为 A–D 中的字母', '第3行 · 选项C · 不能为空'])
  })

  it('when a row repeats a question, then it says so even without a server message', () => {
    expect(rowProblems(duplicate)).toEqual(['第5行 · 题干 · 与题库中已有的题目重复，不会导入'])
    expect(rowProblems({ ...duplicate, errors: [{ field: 'stem', message: '与第2行重复' }] })).toEqual(['第5行 · 题干 · 与第2行重复'])
  })

  it('when the server names a column in Chinese or one we do not know, then it is shown as it is', () => {
    expect(fieldLabel('题干')).toBe('题干')
    expect(fieldLabel('kind')).toBe('题型')
  })

  it('when invalid rows exist, then import waits for 只导入有效的行; with no valid row it never goes', () => {
    expect(importBlock(preview({}), false)).toBe('有 1 行有误：请改好后重新选择文件，或勾选「只导入有效的行」')
    expect(importBlock(preview({}), true)).toBeNull()
    expect(importBlock(preview({ invalid: 0 }), false)).toBeNull()
    expect(importBlock(preview({ valid: 0 }), true)).toBe('没有可以导入的有效行')
    expect(importBlock({ rows: [], valid: 0, invalid: 0, duplicate: 0 }, true)).toBe('表格里没有题目，请按模板填写后重新选择')
  })

  it('when the import is done, then the toast says how many came in and how many were skipped', () => {
    expect(importedText({ imported: 12, skipped: 3 })).toBe('已导入 12 道，跳过 3 行')
    expect(importedText({ imported: 12, skipped: 0 })).toBe('已导入 12 道题')
  })
})

describe('rateColour and defaultQuiz', () => {
  it('when a correct rate is good, middling or poor, then green, amber or red; grey with no answers', () => {
    expect(rateColour(0.8)).toBe('var(--cwt-success)')
    expect(rateColour(0.6)).toBe('var(--cwt-warning)')
    expect(rateColour(0.59)).toBe('var(--cwt-brand)')
    expect(rateColour(null)).toBe('var(--cwt-text-hint)')
  })

  it('when quizzes are listed newest first, then the figures open on the running one, else the newest, else none', () => {
    expect(defaultQuiz([{ id: 'a', state: 'upcoming' }, { id: 'b', state: 'open' }, { id: 'c', state: 'closed' }])).toBe('b')
    expect(defaultQuiz([{ id: 'a', state: 'upcoming' }, { id: 'c', state: 'closed' }])).toBe('a')
    expect(defaultQuiz([])).toBe('')
  })
})
