import { ageOn, isMobile, lineText, needsGuardian, placesText } from './format'
import { hoursText } from '@/utils/format'

describe('placesText', () => {
  it('counts the places left', () => expect(placesText({ placesLeft: 3, waitlist: 0 })).toBe('剩余 3 个名额'))
  it('says full with the waitlist', () => expect(placesText({ placesLeft: 0, waitlist: 2 })).toBe('已满 · 候补 2 人'))
  it('invites the waitlist when nobody waits yet', () => expect(placesText({ placesLeft: 0, waitlist: 0 })).toBe('已满 · 可报名候补'))
})

describe('lineText', () => {
  it('when a place in line is known, then it is said in full or short', () => expect([lineText(2), lineText(2, true)]).toEqual(['已进入候补，第 2 位', '候补第 2 位']))
  it('when a sign-up is not placed yet, then it says it is being handled rather than a blank place', () => expect(lineText(null, true)).toBe('报名处理中，请稍后刷新查看'))
})

describe('ageOn', () => {
  const today = new Date(2026, 10, 23)
  it('is one less the day before the birthday', () => expect(ageOn('2012-11-24', today)).toBe(13))
  it('turns on the birthday', () => expect(ageOn('2012-11-23', today)).toBe(14))
  it('needs a guardian from 14 to 17 only', () => {
    expect([13, 14, 17, 18].map(needsGuardian)).toEqual([false, true, true, false])
  })
})

it('checks mobile numbers', () => {
  expect(isMobile('13812345678')).toBe(true)
  expect(isMobile('12812345678')).toBe(false)
  expect(isMobile('1381234567')).toBe(false)
})

it('rounds hours to one decimal', () => {
  expect(hoursText(2.4999999)).toBe('2.5')
  expect(hoursText(3)).toBe('3')
})
