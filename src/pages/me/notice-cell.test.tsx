/** @jest-environment ./test/support/dom-environment.ts */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { prompt } from '../../../test/support/taro'
import { NoticeCell } from './notice-cell'

const env = process.env
beforeEach(() => {
  process.env = { ...env, TARO_ENV: 'weapp', TARO_APP_UNIT_TEMPLATES: 'T-unit' }
  prompt.asked = []
  prompt.answer = 'accept'
})
afterAll(() => {
  process.env = env
})

describe('待办微信提醒 in 我的', () => {
  it('when a handler taps it in WeChat and accepts, then the unit template is asked for and the cell says the next notice will come', async () => {
    render(<NoticeCell roles={['resident', 'handler']} />)
    expect(screen.getByText('有新的待办时通过微信通知您，点此开启')).toBeTruthy()
    await act(async () => void fireEvent.click(screen.getByText('待办微信提醒')))
    expect(prompt.asked).toEqual([['T-unit']])
    expect(screen.getByText(/^已开启：下一条待办会推送到微信/)).toBeTruthy()
  })

  it('when the handler refuses, then the cell says where WeChat turns it back on', async () => {
    prompt.answer = 'reject'
    render(<NoticeCell roles={['resident', 'handler']} />)
    await act(async () => void fireEvent.click(screen.getByText('待办微信提醒')))
    expect(screen.getByText(/^未开启：可在右上角/)).toBeTruthy()
  })

  it('when the app runs in a browser, then the cell says WeChat cannot push here and asks nothing when tapped', async () => {
    process.env.TARO_ENV = 'h5'
    render(<NoticeCell roles={['resident', 'handler']} />)
    expect(screen.getByText('网页版不能推送微信提醒，新的待办请看各入口的红色数字和「消息」')).toBeTruthy()
    await act(async () => void fireEvent.click(screen.getByText('待办微信提醒')))
    expect(prompt.asked).toEqual([])
  })

  it('when no template is configured, then the cell says so; a resident or organizer sees no cell', () => {
    process.env.TARO_APP_UNIT_TEMPLATES = ''
    const { container, rerender } = render(<NoticeCell roles={['resident', 'handler']} />)
    expect(screen.getByText('尚未配置微信提醒模板，新的待办请看各入口的红色数字和「消息」')).toBeTruthy()
    rerender(<NoticeCell roles={['resident', 'organizer']} />)
    expect(container.textContent).toBe('')
  })
})
