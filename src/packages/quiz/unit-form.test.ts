import { addClasses, emptyUnit, fromUnit, parseMembers, removeClass, toUnitInput, unitFieldOf, validateUnit } from './unit-form'

describe('addClasses and removeClass', () => {
  it('when several classes are typed with commas, 、 or spaces, then each is added once in order', () => {
    const { form, repeated } = addClasses({ ...emptyUnit(), typing: '七年级1班，七年级2班、 八年级1班 七年级1班' })
    expect(form.classes).toEqual(['七年级1班', '七年级2班', '八年级1班'])
    expect(form.typing).toBe('')
    expect(repeated).toEqual(['七年级1班'])
  })

  it('when a class is already on the list, then it is not added again and is named', () => {
    const { form, repeated } = addClasses({ ...emptyUnit(), classes: ['一班'], typing: '一班,二班' })
    expect(form.classes).toEqual(['一班', '二班'])
    expect(repeated).toEqual(['一班'])
  })

  it('when a class is removed, then the others stay in order', () => {
    expect(removeClass({ ...emptyUnit(), classes: ['一班', '二班', '三班'] }, '二班').classes).toEqual(['一班', '三班'])
  })
})

describe('validateUnit and the head count', () => {
  it('when the name is blank, then it asks for the school or community name', () => {
    expect(validateUnit(emptyUnit(), 'school')).toEqual({ name: '请填写学校名称' })
    expect(validateUnit(emptyUnit(), 'community')).toEqual({ name: '请填写社区名称' })
  })

  it('when the head count is blank it is unknown; a whole number counts; anything else is refused', () => {
    expect(parseMembers(' ')).toBeNull()
    expect(parseMembers('1200')).toBe(1200)
    expect(validateUnit({ ...emptyUnit(), name: '一中', members: '12.5' }, 'school').members).toBe('人数应为大于 0 的整数，不知道可以不填')
    expect(validateUnit({ ...emptyUnit(), name: '一中', members: '0' }, 'school').members).toBeDefined()
    expect(validateUnit({ ...emptyUnit(), name: '一中', members: '800' }, 'school')).toEqual({})
  })

  it('when a class is typed but not added, then saving waits for 添加 rather than dropping it', () => {
    expect(validateUnit({ ...emptyUnit(), name: '一中', typing: '三班' }, 'school').classes).toBe('输入的班级还没有添加，请点「添加」')
  })
})

describe('toUnitInput, fromUnit and unitFieldOf', () => {
  it('when a community is sent, then it has no classes and its blank head count is null', () => {
    expect(toUnitInput({ name: ' 文昌社区 ', classes: ['x'], typing: '', members: '' }, 'community')).toEqual({ kind: 'community', name: '文昌社区', classes: [], members: null })
  })

  it('when a unit is opened, then its head count becomes text', () => {
    expect(fromUnit({ id: 'u1', kind: 'school', name: '一中', classes: ['一班'], members: 900 })).toEqual({ name: '一中', classes: ['一班'], typing: '', members: '900' })
  })

  it('when the server names a class by place, then the message lands on the class list', () => {
    expect(unitFieldOf('classes.3')).toBe('classes')
    expect(unitFieldOf('members')).toBe('members')
    expect(unitFieldOf('kind')).toBeNull()
  })
})
