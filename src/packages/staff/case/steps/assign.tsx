import { useEffect, useState } from 'react'
import { Cell, InputNumber, Picker } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { Department, RoutingSuggestion } from '@contract'
import { api, ApiError } from '@/services/api'
import { dayWithWeekday, deadlineDay } from '../../deadline'
import { FieldError, Note, prefix } from './fields'
import { optional, type Step, type StepProps } from './step'

/** Department, grid and deadline, pre-filled from the routing suggestion (kind's default department, grid of the point). */
function AssignForm(p: StepProps) {
  const { detail, draft, set, errors, holidays, grids } = p
  const [departments, setDepartments] = useState<Department[]>()
  const [suggestion, setSuggestion] = useState<RoutingSuggestion>()
  const [picking, setPicking] = useState<'department' | 'grid' | null>(null)
  const [failed, setFailed] = useState('')

  useEffect(() => {
    api
      .call('campaign', 'departments')
      .then(setDepartments)
      .catch((e) => setFailed(e instanceof ApiError ? e.message : '责任单位加载失败'))
    api
      .call('reports', 'suggest', { id: detail.id })
      .then((s) => {
        setSuggestion(s)
        // Only fill what the office has not chosen yet: a reopened form keeps its choices.
        if (!draft.departmentId) set({ departmentId: s.department?.id ?? '', gridId: s.grid?.id ?? '', deadlineDays: s.deadlineDays })
      })
      .catch(() => undefined)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail.id])

  const department = departments?.find((d) => d._id === draft.departmentId)
  const grid = grids.find((g) => g._id === draft.gridId)
  const due = deadlineDay(new Date(), draft.deadlineDays, holidays)

  return (
    <>
      {suggestion && (
        <View className={`${prefix}__hint`}>
          <Text>
            系统建议：{suggestion.department?.name ?? '未定单位'}
            {suggestion.grid ? ` · ${suggestion.grid.name}（${suggestion.grid.worker}）` : ''} · {suggestion.deadlineDays ? `${suggestion.deadlineDays} 个工作日` : '当日整改'}
          </Text>
        </View>
      )}
      {failed && <Text className={`${prefix}__error`}>{failed}</Text>}
      <Cell.Group className={`${prefix}__cells`}>
        <Cell
          className={`${prefix}__cell`}
          title="责任单位"
          extra={<Text className={department ? '' : `${prefix}__placeholder`}>{department?.name ?? '请选择'}</Text>}
          clickable
          onClick={() => setPicking('department')}
        />
        <Cell
          className={`${prefix}__cell`}
          title="所属网格"
          description={grid ? `网格员 ${grid.worker}` : undefined}
          extra={<Text className={grid ? '' : `${prefix}__placeholder`}>{grid?.name ?? '不指定'}</Text>}
          clickable={grids.length > 0}
          onClick={() => grids.length > 0 && setPicking('grid')}
        />
        <Cell
          className={`${prefix}__cell`}
          title="整改时限"
          description={draft.deadlineDays ? `截止 ${dayWithWeekday(due)}` : `当日整改，${dayWithWeekday(due)}`}
          extra={<InputNumber value={draft.deadlineDays} min={0} max={60} onChange={(v) => set({ deadlineDays: Number(v) })} />}
        />
      </Cell.Group>
      <FieldError message={errors.departmentId} />
      <FieldError message={errors.gridId} />
      <FieldError message={errors.deadlineDays} />
      <Note {...p} placeholder="交办说明（选填），责任单位会看到" />
      <Picker
        visible={picking === 'department'}
        title="选择责任单位"
        options={[(departments ?? []).map((d) => ({ label: d.name, value: d._id }))]}
        value={[draft.departmentId]}
        onConfirm={(_, [v]) => set({ departmentId: String(v ?? '') })}
        onClose={() => setPicking(null)}
      />
      <Picker
        visible={picking === 'grid'}
        title="选择网格"
        options={[[{ label: '不指定', value: '' }, ...grids.map((g) => ({ label: `${g.name}（网格员 ${g.worker}）`, value: g._id }))]]}
        value={[draft.gridId]}
        onConfirm={(_, [v]) => set({ gridId: String(v ?? '') })}
        onClose={() => setPicking(null)}
      />
    </>
  )
}

export const assign: Step = {
  fields: ['departmentId', 'gridId', 'deadlineDays', 'note'],
  send: (id, d) => api.call('reports', 'assign', { id, departmentId: d.departmentId, gridId: d.gridId || undefined, deadlineDays: d.deadlineDays, note: optional(d.note) }),
  done: '已交办',
  Form: AssignForm
}
