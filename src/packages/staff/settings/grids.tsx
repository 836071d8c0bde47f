import { Blank } from '@/components/blank'
import { useState } from 'react'
import { Location } from '@nutui/icons-react-taro'
import { Button, Cell, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { Settings } from '@contract'
import { api } from '@/services/api'
import { formatPolygon, parsePolygon } from '../polygon'
import { FieldError, Sheet } from './sheet'
import { useSave } from './use-save'

interface Draft {
  id?: string
  name: string
  worker: string
  polygon: string
}

const prefix = 'staff-settings'

/** 网格: the areas new reports are placed in by their point, each with its grid worker. */
export function GridsTab({ settings, onSaved }: { settings: Settings; onSaved: () => Promise<void> }) {
  const [draft, setDraft] = useState<Draft | null>(null)
  const [shapeError, setShapeError] = useState('')
  const save = useSave()

  const open = (d: Draft) => {
    save.clear()
    setShapeError('')
    setDraft(d)
  }
  const change = (c: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...c } : d))

  const submit = async () => {
    if (!draft) return
    const shape = parsePolygon(draft.polygon)
    if ('error' in shape) return setShapeError(shape.error)
    setShapeError('')
    const payload = { id: draft.id, name: draft.name.trim(), worker: draft.worker.trim(), polygon: shape.points }
    if (await save.run(() => api.call('campaign', 'saveGrid', payload), '网格已保存')) {
      setDraft(null)
      await onSaved()
    }
  }

  return (
    <View className={prefix}>
      <View className={`${prefix}__toolbar`}>
        <Text className={`${prefix}__count`}>{settings.grids.length} 个网格</Text>
        <Button size="small" type="primary" onClick={() => open({ name: '', worker: '', polygon: '' })}>
          新增网格
        </Button>
      </View>
      {settings.grids.length === 0 ? (
        <Blank icon={<Location size={48} color="var(--cwt-border-strong)" />} title="还没有网格" description="添加网格后，新上报的问题会按位置自动落入网格" />
      ) : (
        <Cell.Group className={`${prefix}__group`}>
          {settings.grids.map((g) => (
            <Cell
              key={g._id}
              clickable
              title={g.name}
              description={`网格员 ${g.worker}`}
              extra={<Text className={`${prefix}__extra`}>{g.polygon.length} 个顶点</Text>}
              onClick={() => open({ id: g._id, name: g.name, worker: g.worker, polygon: formatPolygon(g.polygon) })}
            />
          ))}
        </Cell.Group>
      )}

      <Sheet visible={!!draft} title={draft?.id ? '编辑网格' : '新增网格'} saving={save.saving} error={save.error} onClose={() => setDraft(null)} onSubmit={submit}>
        {draft && (
          <>
            <Cell.Group className={`${prefix}__form`}>
              <Cell title="网格名称" extra={<Input value={draft.name} onChange={(name) => change({ name })} placeholder="如：人民路第一网格" maxLength={30} align="right" />} />
              <Cell title="网格员" extra={<Input value={draft.worker} onChange={(worker) => change({ worker })} placeholder="姓名" maxLength={20} align="right" />} />
            </Cell.Group>
            <FieldError message={save.issues.name} />
            <FieldError message={save.issues.worker} />
            <Text className={`${prefix}__label`}>边界顶点（经度,纬度，每行或分号隔开一个点，至少 3 个）</Text>
            <TextArea
              className={`${prefix}__textarea`}
              value={draft.polygon}
              onChange={(polygon) => {
                change({ polygon })
                setShapeError('')
              }}
              placeholder={'120.1521,30.2741\n120.1602,30.2741\n120.1602,30.2689'}
              maxLength={-1}
              rows={5}
            />
            <FieldError message={shapeError || save.issues.polygon} />
          </>
        )}
      </Sheet>
    </View>
  )
}
