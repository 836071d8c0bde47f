import { FILE_LIMIT_BYTES, spreadsheetProblem } from './spreadsheets'

describe('spreadsheetProblem', () => {
  it('when the file is an .xlsx or .csv of a sensible size, then nothing is wrong, whatever the case of its extension', () => {
    expect(spreadsheetProblem('题库.xlsx', 2048)).toBeNull()
    expect(spreadsheetProblem('QUESTIONS.CSV', 10)).toBeNull()
    expect(spreadsheetProblem('a.b.xlsx', FILE_LIMIT_BYTES)).toBeNull()
  })

  it('when the file is an old .xls, then it says to save it as .xlsx', () => {
    expect(spreadsheetProblem('题库.xls', 2048)).toContain('另存为 .xlsx')
  })

  it('when the file is of another type or has no extension, then it names the two accepted types', () => {
    expect(spreadsheetProblem('题库.docx', 2048)).toBe('只能导入 .xlsx 或 .csv 文件')
    expect(spreadsheetProblem('题库', 2048)).toBe('只能导入 .xlsx 或 .csv 文件')
    expect(spreadsheetProblem('photo.jpg', 2048)).toBe('只能导入 .xlsx 或 .csv 文件')
  })

  it('when the file is empty or over 10 MB, then it says so', () => {
    expect(spreadsheetProblem('题库.csv', 0)).toContain('空')
    expect(spreadsheetProblem('题库.xlsx', FILE_LIMIT_BYTES + 1)).toContain('10 MB')
  })
})
