import { useEffect, useRef, useState } from 'react'
import { Button, Popup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { MOVES, type ReportDetail, type Settings } from '@contract'
import { fieldIn, useSubmit } from '@/hooks/use-submit'
import type { StaffAction } from '../transitions'
import { EMPTY, STEPS, type Draft } from './steps'
import { prefix } from './steps/fields'

export interface ActionPopupProps {
  /** The form to show; null keeps the popup closed (and what was typed, for the next time). */
  action: StaffAction | null
  detail: ReportDetail
  onClose: () => void
  /** The case changed (the step went through, or someone else moved it first): fetch it again. */
  onChanged: () => void
  /** Calendar for the assign form's deadline preview; weekends only until it is known. */
  holidays?: Settings['holidays']
  grids?: Settings['grids']
}

const defaultProps = { holidays: { off: [], workdays: [] }, grids: [] } satisfies Partial<ActionPopupProps>

/**
 * One bottom sheet for every staff step on a case (each step's form is in `steps/`). A failed step keeps the
 * sheet open with everything typed and puts the server's message next to the field it names; a successful one
 * clears the form.
 */
export function ActionPopup(props: ActionPopupProps) {
  const { action, detail, onClose, onChanged, holidays, grids } = { ...defaultProps, ...props }
  // Each step keeps its own draft, so a note typed for one is not sent with another.
  const [drafts, setDrafts] = useState<Partial<Record<StaffAction, Draft>>>({})
  const [uploading, setUploading] = useState(false)
  // The sheet slides out after `action` went null; keep drawing the last form until it is gone.
  const last = useRef<StaffAction | null>(action)
  if (action) last.current = action
  const shown = last.current
  const step = shown && STEPS[shown]
  const draft = (shown && drafts[shown]) || EMPTY
  const submission = useSubmit(fieldIn(step?.fields ?? []), '操作失败，请稍后再试')
  const { reset } = submission

  const set = (change: Partial<Draft>) => {
    if (!shown) return
    setDrafts((all) => ({ ...all, [shown]: { ...(all[shown] ?? EMPTY), ...change } }))
    submission.clear(...(Object.keys(change) as (keyof Draft)[]))
  }

  // Another case, other drafts.
  useEffect(() => {
    setDrafts({})
    reset()
  }, [detail.id, reset])

  useEffect(() => reset(), [action, reset])

  const submit = async () => {
    if (!action) return
    if (uploading) return submission.show({ afterPhotos: '照片还在上传，请稍候' })
    await submission.run(() => STEPS[action].send(detail.id, draft), {
      done: () => {
        setDrafts((all) => ({ ...all, [action]: undefined }))
        onClose()
        onChanged()
        Taro.showToast({ title: STEPS[action].done, icon: 'success' })
      },
      // The case moved on under us: show its new state behind the sheet.
      failed: (e) => e.code === 'CONFLICT' && onChanged()
    })
  }

  return (
    <Popup visible={!!action} position="bottom" round closeable title={shown ? MOVES[shown].label : ''} description={`案件 ${detail.no} · ${detail.categoryName}`} onClose={onClose}>
      <View className={prefix}>
        <View className={`${prefix}__body`}>
          {step && <step.Form detail={detail} draft={draft} set={set} errors={submission.errors} holidays={holidays} grids={grids} onUploading={setUploading} />}
        </View>
        {submission.error && <Text className={`${prefix}__error ${prefix}__error--form`}>{submission.error}</Text>}
        <Button block type="primary" loading={submission.busy} disabled={uploading} onClick={submit}>
          {uploading ? '照片上传中…' : shown ? `确认${MOVES[shown].label}` : '确认'}
        </Button>
      </View>
    </Popup>
  )
}
