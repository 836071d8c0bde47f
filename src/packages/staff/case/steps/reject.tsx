import { useEffect, useState } from 'react'
import { Skeleton, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { api, ApiError } from '@/services/api'
import { FieldError, Note, prefix } from './fields'
import { optional, type Step, type StepProps } from './step'

function RejectReasons({ value, onChange }: { value: string; onChange: (reason: string) => void }) {
  const [reasons, setReasons] = useState<string[]>()
  const [failed, setFailed] = useState('')
  useEffect(() => {
    api
      .call('campaign', 'rejectReasons')
      .then(setReasons)
      .catch((e) => setFailed(e instanceof ApiError ? e.message : '驳回理由加载失败'))
  }, [])
  return (
    <View className={`${prefix}__field`}>
      <Text className={`${prefix}__label`}>不予受理的理由</Text>
      {failed && <Text className={`${prefix}__error`}>{failed}</Text>}
      {!reasons && !failed && <Skeleton rows={1} animated />}
      <View className={`${prefix}__chips`}>
        {reasons?.map((r) => (
          <Tag key={r} className={`${prefix}__chip`} background={r === value ? 'var(--cwt-brand)' : 'var(--cwt-fill-strong)'} color={r === value ? 'var(--cwt-text-on-brand)' : 'var(--cwt-text)'} onClick={() => onChange(r)}>
            {r}
          </Tag>
        ))}
      </View>
    </View>
  )
}

function RejectForm(p: StepProps) {
  return (
    <>
      <RejectReasons value={p.draft.reason} onChange={(reason) => p.set({ reason })} />
      <FieldError message={p.errors.reason} />
      <Note {...p} placeholder="补充说明（选填），市民会看到" />
    </>
  )
}

export const reject: Step = {
  fields: ['reason', 'note'],
  send: (id, d) => api.call('reports', 'reject', { id, reason: d.reason, note: optional(d.note) }),
  done: '已不予受理',
  Form: RejectForm
}
