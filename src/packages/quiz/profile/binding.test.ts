import type { UnitView } from '@contract'
import { bindingOptions, firstValue, NONE } from './binding'

const unit = (id: string, kind: UnitView['kind'], classes: string[] = []): UnitView => ({ id, kind, name: `单位${id}`, classes, members: null })

describe('bindingOptions', () => {
  it('when schools have classes, then each school carries its classes and 不绑定 comes last', () => {
    const { schools } = bindingOptions([unit('s1', 'school', ['初一(1)班', '初一(2)班'])], [])
    expect(schools[0]).toEqual({ label: '单位s1', value: 's1', children: [{ label: '初一(1)班', value: '初一(1)班' }, { label: '初一(2)班', value: '初一(2)班' }] })
    expect(schools.at(-1)).toMatchObject({ label: '不绑定学校', value: NONE })
  })

  it('when a school has no classes yet, then it is not offered, and with none left there is nothing to pick', () => {
    expect(bindingOptions([unit('s1', 'school')], []).schools).toEqual([])
  })

  it('when there are communities, then they come with 不绑定社区 last; without any, nothing', () => {
    expect(bindingOptions([], [unit('c1', 'community')]).communities.map((o) => o.value)).toEqual(['c1', NONE])
    expect(bindingOptions([], []).communities).toEqual([])
  })
})

describe('firstValue', () => {
  it('when nothing is bound, then the picker opens on the first school and its first class', () => {
    const { schools, communities } = bindingOptions([unit('s1', 'school', ['初一(1)班', '初一(2)班'])], [unit('c1', 'community')])
    expect(firstValue(schools)).toEqual(['s1', '初一(1)班'])
    expect(firstValue(communities)).toEqual(['c1'])
    expect(firstValue([])).toEqual([])
  })
})
