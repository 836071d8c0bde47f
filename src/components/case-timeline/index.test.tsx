/** @jest-environment ./test/support/dom-environment.ts */
import type { TimelineEntry } from '@contract'
import { shown } from '../../../test/support/taro'
import { fireEvent, render } from '@testing-library/react'
import { texts } from '../../../test/support/texts'
import { CaseTimeline } from '.'

// Wall-clock times without a zone read the same in any TZ the tests run in; this year's, so no year is shown.
const year = new Date().getFullYear()
const filed: TimelineEntry = { at: `${year}-11-23T09:05:00`, actor: '市民', from: null, to: 'submitted', note: null, photos: ['/files/before.jpg'], deadline: null }
const assigned: TimelineEntry = { at: `${year}-11-23T10:30:00`, actor: '创文办', from: 'accepted', to: 'assigned', note: '请尽快清理', photos: [], deadline: `${year}-11-26T23:59:59` }
const fixed: TimelineEntry = { at: `${year}-11-25T16:00:00`, actor: '市城市管理局', from: 'assigned', to: 'fixed', note: '已清除', photos: ['/files/after-1.jpg', '/files/after-2.jpg'], deadline: null }

describe('CaseTimeline', () => {
  it('when a case has moved three times, then the newest step comes first and is marked current', async () => {
    const { container } = render(<CaseTimeline entries={[filed, assigned, fixed]} />)
    expect(texts(container, '.cwt-case-timeline__to')).toEqual(['已整改待核查', '已交办', '待受理'])
    expect(texts(container, '.cwt-case-timeline__at')).toEqual(['11月25日 16:00', '11月23日 10:30', '11月23日 09:05'])
    expect(texts(container, '.cwt-case-timeline__item--current .cwt-case-timeline__actor')).toEqual(['市城市管理局'])
  })

  it('when asked for oldest first, then the steps keep the order the server gave', async () => {
    const { container } = render(<CaseTimeline entries={[filed, assigned, fixed]} newestFirst={false} />)
    expect(texts(container, '.cwt-case-timeline__actor')).toEqual(['市民', '创文办', '市城市管理局'])
  })

  it('when a step carries a note and a deadline, then both are shown, and a step without them shows neither', async () => {
    const { container } = render(<CaseTimeline entries={[filed, assigned]} />)
    expect(texts(container, '.cwt-case-timeline__note')).toEqual(['请尽快清理'])
    expect(texts(container, '.cwt-case-timeline__deadline')).toEqual(['整改时限：11月26日 23:59 前'])
  })

  it('when a photo of a step is tapped, then it opens in the previewer among that step’s photos only', async () => {
    const { container } = render(<CaseTimeline entries={[filed, fixed]} />)
    const photos = container.querySelectorAll('.cwt-case-timeline__photo')
    expect(Array.from(photos, (p) => p.getAttribute('src'))).toEqual(['/files/after-1.jpg', '/files/after-2.jpg', '/files/before.jpg'])
    fireEvent.click(photos[1])
    expect(shown.previews.at(-1)).toEqual({ urls: ['/files/after-1.jpg', '/files/after-2.jpg'], current: '/files/after-2.jpg' })
  })
})
