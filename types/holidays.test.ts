import { calendarWarning, mergeHolidays, parseHolidays } from './holidays'

// 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号), as published
const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。`

// 国务院办公厅关于2026年部分节假日安排的通知, pasted as one run of text the way a phone copies it
const NOTICE_2026 =
  '经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。三、清明节：4月4日（周六）至6日（周一）放假，共3天。四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。五、端午节：6月19日（周五）至21日（周日）放假，共3天。六、中秋节：9月25日（周五）至27日（周日）放假，共3天。七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。'

describe('parseHolidays', () => {
  test('when the 2025 notice is pasted, then each holiday, its days off and its make-up working days are read', () => {
    const p = parseHolidays(NOTICE_2025, 2024)
    expect(p.years).toEqual([2025])
    expect(p.holidays.map((h) => [h.name, h.off.length, h.workdays])).toEqual([
      ['元旦', 1, []],
      ['春节', 8, ['2025-01-26', '2025-02-08']],
      ['清明节', 3, []],
      ['劳动节', 5, ['2025-04-27']],
      ['端午节', 3, []],
      ['国庆节、中秋节', 8, ['2025-09-28', '2025-10-11']]
    ])
    expect(p.holidays[1].off).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04'])
    expect(p.holidays[4].off).toEqual(['2025-05-31', '2025-06-01', '2025-06-02'])
    expect(p.unread).toEqual([])
  })

  test('when the 2026 notice is pasted as one line, then its days are read and only weekdays off go to the calendar', () => {
    const p = parseHolidays(NOTICE_2026, 2025)
    expect(p.years).toEqual([2026])
    expect(p.holidays.map((h) => h.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'])
    expect(p.holidays[0]).toEqual({ name: '元旦', off: ['2026-01-01', '2026-01-02', '2026-01-03'], workdays: ['2026-01-04'] })
    expect(p.holidays[1].off).toHaveLength(9)
    expect(p.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
    // Saturdays and Sundays are off anyway; the calendar lists the weekdays a holiday takes
    expect(p.off).not.toContain('2026-01-03')
    expect(p.off).toContain('2026-01-02')
    expect(p.off).toHaveLength(1 + 1 + 6 + 1 + 3 + 1 + 1 + 5)
  })

  test('when a list of dates is pasted, then each is a day off unless its line says 上班, and what cannot be read is named', () => {
    const p = parseHolidays('2027-01-01\n2027/2/5、2027年2月8日\n2027-02-20 上班\n2027-02-30\n明天', 2026)
    expect(p.off).toEqual(['2027-01-01', '2027-02-05', '2027-02-08'])
    expect(p.workdays).toEqual(['2027-02-20'])
    expect(p.unread).toEqual(['2027-02-30', '明天'])
  })

  test('when a notice gives no year, then the year given is used', () => {
    expect(parseHolidays('元旦：1月1日（周五）放假1天，不调休。', 2027).off).toEqual(['2027-01-01'])
  })
})

describe('mergeHolidays', () => {
  test('when a notice is merged, then that year is replaced and other years are kept', () => {
    const current = { off: ['2025-01-01', '2026-05-06'], workdays: ['2026-01-10'] }
    const merged = mergeHolidays(current, parseHolidays(NOTICE_2026, 2025))
    expect(merged.off[0]).toBe('2025-01-01')
    expect(merged.off).not.toContain('2026-05-06')
    expect(merged.workdays).not.toContain('2026-01-10')
    expect(merged.workdays).toContain('2026-01-04')
  })
  test('when a list of dates is merged, then the days are added to what is there', () => {
    const merged = mergeHolidays({ off: ['2027-01-01'], workdays: [] }, parseHolidays('2027-02-05', 2026))
    expect(merged.off).toEqual(['2027-01-01', '2027-02-05'])
  })
})

describe('calendarWarning', () => {
  const set = { off: ['2026-01-01'], workdays: [] }
  test('when it is November and this year has days, then nothing is said', () => {
    expect(calendarWarning(set, '2026-11-30')).toBeNull()
  })
  test('when December comes and next year is empty, then the office is told to enter it', () => {
    expect(calendarWarning(set, '2026-12-01')).toContain('2027 年')
  })
  test('when next year has days, then nothing is said in December', () => {
    expect(calendarWarning({ off: ['2026-01-01', '2027-01-01'], workdays: [] }, '2026-12-20')).toBeNull()
  })
  test('when this year is empty, then the office is told at once', () => {
    expect(calendarWarning({ off: [], workdays: [] }, '2026-03-02')).toContain('2026 年')
  })
})
