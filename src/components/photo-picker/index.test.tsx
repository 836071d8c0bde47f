/** @jest-environment ./test/support/dom-environment.ts */
import type { Photo } from '@/services/photos'
import { phone, shown } from '../../../test/support/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { texts } from '../../../test/support/texts'
import { PhotoPicker } from '.'

const before: Photo = { fileId: 'f-before', url: '/files/before.jpg' }
const side: Photo = { fileId: 'f-side', url: '/files/side.jpg' }

/** A form holding the picker's value, as a page does: every change is recorded and drawn again. */
async function form(start: Photo[], props: { max?: number; disabled?: boolean } = {}) {
  const changes: Photo[][] = []
  const busy: boolean[] = []
  const view = render(<PhotoPicker value={start} onChange={(v) => changes.push(v)} onBusyChange={(b) => busy.push(b)} {...props} />)
  return { ...view, changes, busy }
}

describe('PhotoPicker', () => {
  it('when it holds two photos of six, then both show with the add tile counting 2/6', async () => {
    const { container } = await form([before, side])
    const images = container.querySelectorAll('.cwt-photo-picker__tile:not(.cwt-photo-picker__add) img')
    expect(Array.from(images, (i) => i.getAttribute('src'))).toEqual(['/files/before.jpg', '/files/side.jpg'])
    expect(texts(container, '.cwt-photo-picker__count')).toEqual(['2/6'])
  })

  it('when the photos reach the maximum, then there is no add tile', async () => {
    const { container } = await form([before, side], { max: 2 })
    expect(container.querySelector('.cwt-photo-picker__add')).toBeNull()
  })

  it('when a photo’s remove mark is tapped, then the form gets the others, in order', async () => {
    const { container, changes } = await form([before, side])
    fireEvent.click(container.querySelectorAll('.cwt-photo-picker__remove')[0])
    expect(changes).toEqual([[side]])
  })

  it('when a photo is tapped, then it opens in the previewer among all the photos', async () => {
    const { container } = await form([before, side])
    fireEvent.click(container.querySelectorAll('.cwt-photo-picker__img-image')[1])
    expect(shown.previews.at(-1)).toEqual({ urls: ['/files/before.jpg', '/files/side.jpg'], current: '/files/side.jpg' })
  })

  it('when the picker is disabled, then photos can be neither removed nor added', async () => {
    const { container } = await form([before], { disabled: true })
    expect(container.querySelector('.cwt-photo-picker__remove')).toBeNull()
    expect(container.querySelector('.cwt-photo-picker__add')).toBeNull()
  })

  it('when an upload fails, then the photo stays as a tile to retry, the form is no longer held, and the user is told why', async () => {
    const { container, changes, busy } = await form([before])
    phone.picks.push('wxfile://tmp/pothole.jpg')
    // the upload answers at once here: its steps are drawn one by one, as a slow network would show them
    await act(async () => void fireEvent.click(container.querySelector('.cwt-photo-picker__add')!))
    await screen.findByText('上传失败，点此重试')
    expect(texts(container, '.cwt-photo-picker__mask--failed')).toEqual(['上传失败，点此重试'])
    expect(container.querySelector('.cwt-photo-picker__tile--pending img')!.getAttribute('src')).toBe('wxfile://tmp/pothole.jpg')
    expect(busy).toEqual([false, true, false])
    expect(changes).toEqual([])
    expect(shown.toasts.at(-1)).toMatchObject({ title: '照片上传失败，请检查网络后重试' })

    fireEvent.click(container.querySelectorAll('.cwt-photo-picker__remove')[1])
    expect(container.querySelector('.cwt-photo-picker__tile--pending')).toBeNull()
  })
})
