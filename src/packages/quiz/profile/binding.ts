import type { UnitView } from '@contract'

/** A picker row as NutUI's Picker takes it; children make the second column of a cascade. */
export interface PickerOption {
  label: string
  value: string
  children?: PickerOption[]
}

/** What the person binds: a school with one of its classes, a community, both or neither. */
export interface Binding {
  schoolId: string | null
  className: string | null
  communityId: string | null
}

/** The picker's 不绑定 row; no unit has an empty id. */
export const NONE = ''

/**
 * The two pickers' columns: schools with their classes (a school without classes cannot be bound, so it is
 * left out), communities, each list ending with 不绑定 so a binding can be taken back. 不绑定 comes last so
 * the picker opens on a real choice.
 */
export function bindingOptions(schools: UnitView[], communities: UnitView[]): { schools: PickerOption[]; communities: PickerOption[] } {
  const bindable = schools.filter((s) => s.classes.length > 0)
  return {
    schools: bindable.length
      ? [...bindable.map((s) => ({ label: s.name, value: s.id, children: s.classes.map((c) => ({ label: c, value: c })) })), { label: '不绑定学校', value: NONE, children: [{ label: '—', value: NONE }] }]
      : [],
    communities: communities.length ? [...communities.map((c) => ({ label: c.name, value: c.id })), { label: '不绑定社区', value: NONE }] : []
  }
}

/**
 * Where a picker opens when nothing is bound: on the first row of each column. NutUI's cascade shows only its
 * first column, with nothing selected, until it is given a value.
 */
export function firstValue(options: PickerOption[]): string[] {
  const out: string[] = []
  for (let column = options; column.length; column = column[0].children ?? []) out.push(column[0].value)
  return out
}
