import { useEffect, useState } from 'react'
import { Input, Radio, Skeleton } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { mayBeOriginal, type ReportCard } from '@contract'
import { api, ApiError } from '@/services/api'
import { FieldError, prefix } from './fields'
import type { Step, StepProps } from './step'
import { formatDateTime } from '@/utils/format'

/** Cases of the same kind the office may name as the original: picked from the ledger, or a number typed in. */
function DuplicateForm({ detail, draft, set, errors }: StepProps) {
  const [cases, setCases] = useState<ReportCard[]>()
  const [failed, setFailed] = useState('')
  useEffect(() => {
    api
      .call('reports', 'ledger', { categoryId: detail.categoryId, pageSize: 30 })
      .then((page) => setCases(page.items.filter((c) => mayBeOriginal(c, detail.id))))
      .catch((e) => setFailed(e instanceof ApiError ? e.message : '同类案件加载失败'))
  }, [detail.id, detail.categoryId])
  const value = draft.duplicateOf
  const picked = cases?.some((c) => c.id === value)
  return (
    <>
      <View className={`${prefix}__field`}>
        <Text className={`${prefix}__label`}>选择原案件（同类「{detail.categoryName}」最近的案件）</Text>
        {failed && <Text className={`${prefix}__error`}>{failed}</Text>}
        {!cases && !failed && <Skeleton rows={3} animated />}
        {cases?.length === 0 && <Text className={`${prefix}__none`}>最近没有同类案件，可在下方直接输入原案件编号</Text>}
        {!!cases?.length && (
          <Radio.Group className={`${prefix}__candidates`} value={picked ? value : ''} onChange={(v) => set({ duplicateOf: String(v) })}>
            {cases.map((c) => (
              <Radio key={c.id} value={c.id} className={`${prefix}__candidate`}>
                <View className={`${prefix}__candidate-body`}>
                  <Text className={`${prefix}__candidate-head`}>
                    {c.no} · {formatDateTime(c.createdAt)}
                  </Text>
                  <Text className={`${prefix}__candidate-desc`}>{c.description}</Text>
                  <Text className={`${prefix}__candidate-where`}>{c.address}</Text>
                </View>
              </Radio>
            ))}
          </Radio.Group>
        )}
        <Input
          className={`${prefix}__input`}
          value={picked ? '' : value}
          onChange={(duplicateOf) => set({ duplicateOf })}
          placeholder="或输入原案件编号，如 20261123-7F3A2C"
          clearable
        />
      </View>
      <FieldError message={errors.duplicateOf} />
    </>
  )
}

export const markDuplicate: Step = {
  fields: ['duplicateOf'],
  send: (id, d) => api.call('reports', 'markDuplicate', { id, duplicateOf: d.duplicateOf.trim() }),
  done: '已标记重复',
  Form: DuplicateForm
}
