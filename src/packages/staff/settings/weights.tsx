import { useEffect, useState } from 'react'
import { Button, Cell, InputNumber } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { AssessmentWeights, Settings } from '@contract'
import { api } from '@/services/api'
import { FieldError } from './sheet'
import { useSave } from './use-save'

const prefix = 'staff-settings'

const FIELDS: { key: keyof AssessmentWeights; title: string; description: string; max: number; step?: number }[] = [
  { key: 'base', title: '基础分', description: '每个单位每月从这个分数起算', max: 1000 },
  { key: 'overdue', title: '超期案件', description: '当月每件超期问题扣分', max: 100 },
  { key: 'white', title: '白色督办单', description: '当月每张白色督办单扣分', max: 100 },
  { key: 'yellow', title: '黄色督办单', description: '当月每张黄色督办单扣分', max: 100 },
  { key: 'red', title: '红色督办单', description: '当月每张红色督办单扣分', max: 100 },
  { key: 'failedPoint', title: '督查未达标点位', description: '当月每个未达标点位扣分', max: 100 },
  { key: 'unresolved', title: '群众反馈未解决', description: '当月每次市民反馈未解决扣分', max: 100 },
  { key: 'fixRateTarget', title: '整改率目标（%）', description: '整改率高于目标加分，低于目标扣分', max: 100 },
  { key: 'fixRatePerPoint', title: '整改率每个百分点', description: '高出或低于目标每个百分点的分值', max: 100, step: 0.1 },
  { key: 'fixRateCap', title: '整改率加减分上限', description: '整改率一项最多加或扣这么多分', max: 100 }
]

/** 考核权重: the monthly assessment's formula. A change scores every month not yet frozen by its published bulletin. */
export function WeightsTab({ settings, onSaved }: { settings: Settings; onSaved: () => Promise<void> }) {
  const [values, setValues] = useState(settings.assessmentWeights)
  const save = useSave()
  const dirty = JSON.stringify(values) !== JSON.stringify(settings.assessmentWeights)

  // A fresh copy from the server replaces the form unless it has unsaved edits.
  useEffect(() => {
    if (!dirty) setValues(settings.assessmentWeights)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings.assessmentWeights])

  const submit = async () => {
    if (await save.run(() => api.call('campaign', 'setAssessmentWeights', values), '考核权重已保存')) await onSaved()
  }

  return (
    <View className={prefix}>
      <View className={`${prefix}__toolbar`}>
        <Text className={`${prefix}__count`}>改动适用于尚未发布月通报的月份，已发布的月份保持原分数</Text>
      </View>
      <Cell.Group className={`${prefix}__group`}>
        {FIELDS.map((f) => (
          <Cell
            key={f.key}
            align="center"
            title={f.title}
            description={save.issues[f.key] ? <FieldError message={save.issues[f.key]} /> : f.description}
            extra={
              <InputNumber
                value={values[f.key]}
                min={0}
                max={f.max}
                step={f.step ?? 1}
                digits={f.step ? 1 : 0}
                onChange={(v) => setValues((all) => ({ ...all, [f.key]: Number(v) }))}
              />
            }
          />
        ))}
      </Cell.Group>
      <View className={`${prefix}__footer`}>
        <FieldError message={save.error} />
        <Button block type="primary" disabled={!dirty} loading={save.saving} onClick={submit}>
          {dirty ? '保存权重' : '没有改动'}
        </Button>
      </View>
    </View>
  )
}
