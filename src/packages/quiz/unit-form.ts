import type { UnitView } from '@contract'

/** A school or community as the office edits it; the head count stays text so a half-typed number is kept. */
export interface UnitForm {
  name: string
  classes: string[]
  /** The class names being typed, before 添加. */
  typing: string
  members: string
}

export type UnitField = 'name' | 'classes' | 'members'
export type UnitErrors = Partial<Record<UnitField, string>>

export const emptyUnit = (): UnitForm => ({ name: '', classes: [], typing: '', members: '' })

export const fromUnit = (u: UnitView): UnitForm => ({ name: u.name, classes: [...u.classes], typing: '', members: u.members === null ? '' : String(u.members) })

/**
 * Adds what was typed as classes: several at once when separated by commas, 、 or spaces (as a list pasted from
 * a spreadsheet is); names already on the list are left out and said.
 */
export function addClasses(f: UnitForm): { form: UnitForm; repeated: string[] } {
  const names = f.typing
    .split(/[\s,，、;；]+/)
    .map((n) => n.trim())
    .filter(Boolean)
  const repeated = names.filter((n, i) => f.classes.includes(n) || names.indexOf(n) !== i)
  const fresh = names.filter((n, i) => !f.classes.includes(n) && names.indexOf(n) === i)
  return { form: { ...f, classes: [...f.classes, ...fresh], typing: '' }, repeated: [...new Set(repeated)] }
}

export const removeClass = (f: UnitForm, name: string): UnitForm => ({ ...f, classes: f.classes.filter((c) => c !== name) })

/** The head count, null when left blank, NaN when it is not a whole number. */
export const parseMembers = (text: string) => (text.trim() === '' ? null : /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN)

export function validateUnit(f: UnitForm, kind: UnitView['kind']): UnitErrors {
  const e: UnitErrors = {}
  if (!f.name.trim()) e.name = kind === 'school' ? '请填写学校名称' : '请填写社区名称'
  const members = parseMembers(f.members)
  if (members !== null && (!Number.isInteger(members) || members < 1)) e.members = '人数应为大于 0 的整数，不知道可以不填'
  if (f.typing.trim()) e.classes = '输入的班级还没有添加，请点「添加」'
  return e
}

export const toUnitInput = (f: UnitForm, kind: UnitView['kind']) => ({
  kind,
  name: f.name.trim(),
  classes: kind === 'school' ? f.classes : [],
  members: parseMembers(f.members)
})

/** The server names a class by its place (`classes.3`): the message lands on the class list. */
export const unitFieldOf = (path: string): UnitField | null => {
  const head = path.split('.')[0]
  return head === 'name' || head === 'classes' || head === 'members' ? head : null
}
