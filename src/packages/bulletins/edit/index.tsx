import { useEffect, useState } from 'react'
import { Button, NoticeBar, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { BULLETIN_KIND_LABELS, PREFACE_MAX, REMARK_MAX, type BulletinView } from '@contract'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { useSubmit } from '@/hooks/use-submit'
import { api, ApiError } from '@/services/api'
import { percent } from '../format'
import { clearEditDraft, differs, loadEditDraft, saveEditDraft, type EditDraft } from '../edit-draft'
import './index.scss'

const prefix = 'bulletin-edit'
// the server's limits (bulletins/schemas.ts), shown as the office types

const wordsOf = (b: BulletinView): EditDraft => ({ preface: b.preface, remarks: Object.fromEntries(b.figures.units.map((u) => [u.department.id, u.remark ?? ''])) })
// the server names `preface` or `remarks.<unit id>`: each message goes under its box
const fieldOf = (path: string) => (path === 'preface' || path.startsWith('remarks') ? path : null)

/** The office writes a draft's preface and a remark per unit; what is typed stays on the phone until saved. */
export default function BulletinEdit() {
  const id = useRouter().params.id ?? ''
  const bulletin = useRequest(() => api.call('reports', 'bulletin', { id }), [id])
  const [words, setWords] = useState<EditDraft | null>(null)
  const [restored, setRestored] = useState(false)
  const [refilling, setRefilling] = useState(false)
  const submit = useSubmit(fieldOf, '保存失败，已输入的内容仍保留，请稍后再试')

  const b = bulletin.data
  // once loaded: the phone's unsaved words win over the server's, and say so
  useEffect(() => {
    if (!b || words) return
    const kept = loadEditDraft(id)
    const saved = wordsOf(b)
    if (kept && b.status === 'draft' && differs(kept, saved)) {
      setWords({ preface: kept.preface, remarks: { ...saved.remarks, ...kept.remarks } })
      setRestored(true)
    } else setWords(saved)
  }, [b, id, words])

  const change = (next: EditDraft, field: string) => {
    setWords(next)
    saveEditDraft(id, next)
    submit.clear(field)
  }

  const save = (then: 'stay' | 'preview') =>
    words &&
    submit.run(() => api.call('reports', 'saveBulletin', { id, preface: words.preface, remarks: words.remarks }), {
      done: () => {
        clearEditDraft(id)
        setRestored(false)
        // editor and preview take each other's place: going back and forth does not stack pages
        if (then === 'preview') void Taro.redirectTo({ url: `/packages/bulletins/view/index?id=${id}` })
        else Taro.showToast({ title: '已保存', icon: 'success' })
      },
      failed: (e, fields) => {
        if (!Object.keys(fields).length) Taro.showToast({ title: e.message, icon: 'none', duration: 3000 })
      }
    })

  // the figures again as of the period's end (late entries since the draft was made); the words stay as typed
  const refill = async () => {
    setRefilling(true)
    try {
      await api.call('reports', 'refillBulletin', { id })
      await bulletin.reload()
      Taro.showToast({ title: '已按期末数据重新取数', icon: 'none' })
    } catch (e) {
      Taro.showToast({ title: e instanceof ApiError ? e.message : '取数失败，请稍后再试', icon: 'none', duration: 3000 })
    } finally {
      setRefilling(false)
    }
  }

  const error = (field: string) => submit.errors[field] && <Text className={`${prefix}__error`}>{submit.errors[field]}</Text>
  return (
    <View className={prefix}>
      <LoadState loading={bulletin.loading} error={bulletin.error} ready={!!b && !!words} onRetry={bulletin.reload} rows={10}>
        {b && words && (
          <>
            <View className={`${prefix}__body`}>
              {restored && <NoticeBar content="已恢复上次未保存的内容，保存后生效" wrap rightIcon={null} />}
              {b.status === 'published' && <NoticeBar content="本期通报已发布，内容不能再修改" wrap rightIcon={null} />}
              <View className={`${prefix}__head`}>
                <View className={`${prefix}__heading`}>
                  <Text className={`${prefix}__no`}>{b.no}</Text>
                  <Text className={`${prefix}__period`}>
                    {b.title} · {BULLETIN_KIND_LABELS[b.kind]}
                  </Text>
                </View>
                {b.status === 'draft' && (
                  <Button size="small" fill="outline" type="primary" loading={refilling} disabled={refilling || submit.busy} onClick={refill}>
                    重新取数
                  </Button>
                )}
              </View>

              <View className="cwt-section">
                <View className="cwt-section__title">
                  <Text>导语</Text>
                  <Text className="cwt-section__hint">通报开头的总体评价与工作要求</Text>
                </View>
                <TextArea
                  className={`${prefix}__preface`}
                  value={words.preface}
                  onChange={(preface) => change({ ...words, preface }, 'preface')}
                  maxLength={PREFACE_MAX}
                  showCount
                  autoSize
                  placeholder="如：本周全市共受理各类问题 X 件，整改率 X%。市城市管理局等单位整改迅速……请各责任单位对照通报逐项整改。"
                />
                {error('preface')}
              </View>

              <View className="cwt-section">
                <View className="cwt-section__title">
                  <Text>单位点评</Text>
                  <Text className="cwt-section__hint">按得分排序，可不填</Text>
                </View>
                {b.figures.units.map((u) => (
                  <View key={u.department.id} className={`${prefix}__unit`}>
                    <View className={`${prefix}__unit-head`}>
                      <Text className={`${prefix}__unit-name`}>{u.department.name}</Text>
                      <Text className={`${prefix}__unit-figures`}>
                        第 {u.rank} 名 · 得分 {u.score} · 超期 {u.overdue} · 整改率 {percent(u.fixRate)}
                      </Text>
                    </View>
                    <TextArea
                      className={`${prefix}__remark`}
                      value={words.remarks[u.department.id] ?? ''}
                      onChange={(text) => change({ ...words, remarks: { ...words.remarks, [u.department.id]: text } }, `remarks.${u.department.id}`)}
                      maxLength={REMARK_MAX}
                      rows={2}
                      autoSize
                      placeholder={`对${u.department.name}的点评`}
                    />
                    {error(`remarks.${u.department.id}`)}
                  </View>
                ))}
                {!b.figures.units.length && <Text className={`${prefix}__hint`}>还没有责任单位：请先在「系统设置」中添加</Text>}
              </View>

              {submit.error && <Text className={`${prefix}__error ${prefix}__error--form`}>{submit.error}</Text>}
            </View>
            <View className={`${prefix}__bar`}>
              <Button className={`${prefix}__save`} loading={submit.busy} disabled={submit.busy || b.status !== 'draft'} onClick={() => save('stay')}>
                保存
              </Button>
              <Button className={`${prefix}__preview`} type="primary" disabled={submit.busy || b.status !== 'draft'} onClick={() => save('preview')}>
                保存并预览
              </Button>
            </View>
          </>
        )}
      </LoadState>
    </View>
  )
}
