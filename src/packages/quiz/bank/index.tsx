import { useState } from 'react'
import { Add, Search } from '@nutui/icons-react-taro'
import { Button, Menu, Pagination, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { KNOWLEDGE_POINTS, QUESTION_KIND_LABELS, QUESTION_KINDS, type QuestionKind, type QuestionView } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { SearchBox } from '@/components/search-box'
import { useRequest } from '@/hooks/use-request'
import { api } from '@/services/api'
import { answerText, emptyQuestion, fromView, OPTION_LETTERS, type QuestionForm } from '../question-form'
import { ImportSheet } from './import-sheet'
import { QuestionEditor } from './question-editor'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const PAGE_SIZE = 20
const prefix = 'quiz-bank'

type Status = 'all' | 'active' | 'retired'
const KIND_OPTIONS = [{ text: '全部题型', value: '' }, ...QUESTION_KINDS.map((k) => ({ text: QUESTION_KIND_LABELS[k], value: k }))]
const STATUS_OPTIONS = [
  { text: '全部状态', value: 'all' },
  { text: '在用', value: 'active' },
  { text: '已停用', value: 'retired' }
]

function QuestionRow({ q, onClick }: { q: QuestionView; onClick: () => void }) {
  return (
    <View className={`${prefix}__item ${q.active ? '' : `${prefix}__item--retired`}`} onClick={onClick}>
      <View className={`${prefix}__item-head`}>
        <Tag background="var(--cwt-brand-soft)" color="var(--cwt-brand)">
          {QUESTION_KIND_LABELS[q.kind]}
        </Tag>
        <Text className={`${prefix}__item-point`}>{q.point}</Text>
        {!q.active && (
          <Tag background="var(--cwt-fill-strong)" color="var(--cwt-text-hint)">
            已停用
          </Tag>
        )}
      </View>
      <Text className={`${prefix}__item-stem`}>{q.stem}</Text>
      {q.kind !== 'judge' && (
        <View className={`${prefix}__item-options`}>
          {q.options.map((o, i) => (
            <Text key={i} className={`${prefix}__item-option ${q.answer.includes(i) ? `${prefix}__item-option--right` : ''}`}>
              {OPTION_LETTERS[i]}. {o}
            </Text>
          ))}
        </View>
      )}
      <Text className={`${prefix}__item-answer`}>
        答案：{answerText(q)}
        {q.source ? ` · ${q.source}` : ''}
      </Text>
    </View>
  )
}

/** 题库: every question, filtered by knowledge point, kind, status and words in the stem; edited one at a time or imported in bulk. */
export default function QuizBank() {
  const [point, setPoint] = useState('')
  const [kind, setKind] = useState<QuestionKind | ''>('')
  const [status, setStatus] = useState<Status>('all')
  const [keyword, setKeyword] = useState('')
  const [page, setPage] = useState(1)
  const [editing, setEditing] = useState<{ id: string | null; form: QuestionForm } | null>(null)
  // A new question typed and closed unsaved comes back on 新增题目.
  const [unsaved, setUnsaved] = useState<QuestionForm | null>(null)
  const [importing, setImporting] = useState(false)

  const list = useRequest(
    () =>
      api.call('quiz', 'questions', {
        page,
        pageSize: PAGE_SIZE,
        ...(point ? { point } : {}),
        ...(kind ? { kind } : {}),
        ...(keyword ? { keyword } : {}),
        ...(status === 'all' ? {} : { active: status === 'active' })
      }),
    [point, kind, status, keyword, page]
  )
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })

  const filter = (apply: () => void) => {
    apply()
    setPage(1)
  }

  const bankPoints = (list.data?.points ?? []).map((p) => p.point)
  const points = [...new Set([...KNOWLEDGE_POINTS, ...bankPoints])]
  const pointOptions = [{ text: '全部知识点', value: '' }, ...points.map((p) => ({ text: p, value: p }))]
  const activeTotal = (list.data?.points ?? []).reduce((n, p) => n + p.count, 0)

  const close = () => {
    if (editing && !editing.id) setUnsaved(editing.form)
    setEditing(null)
  }

  const data = list.data
  return (
    <View className={prefix}>
      <ModeMeta />
      <View className={`${prefix}__top`}>
        <SearchBox placeholder="搜索题干中的文字" onSearch={(words) => filter(() => setKeyword(words))} />
        <View className={`${prefix}__actions`}>
          <Text className={`${prefix}__summary`}>在用 {activeTotal} 道</Text>
          <Button size="small" fill="outline" type="primary" onClick={() => setImporting(true)}>
            批量导入
          </Button>
          <Button size="small" type="primary" icon={<Add size={12} />} onClick={() => setEditing({ id: null, form: unsaved ?? emptyQuestion(point) })}>
            新增题目
          </Button>
        </View>
      </View>

      <Menu className={`${prefix}__menu`}>
        <Menu.Item options={pointOptions} columns={2} value={point} onChange={(o: { value: string }) => filter(() => setPoint(o.value))} />
        <Menu.Item options={KIND_OPTIONS} value={kind} onChange={(o: { value: QuestionKind | '' }) => filter(() => setKind(o.value))} />
        <Menu.Item options={STATUS_OPTIONS} value={status} onChange={(o: { value: Status }) => filter(() => setStatus(o.value))} />
      </Menu>

      <LoadState loading={list.loading} error={list.error} ready={!!data} onRetry={list.reload} rows={8}>
        {data && (
          <>
            <Text className={`${prefix}__total`}>
              {data.total} 道{keyword ? `含“${keyword}”` : ''}
              {list.loading ? '，刷新中…' : ''}
            </Text>
            {data.items.length === 0 ? (
              <Blank
                icon={<Search size={48} color="var(--cwt-border-strong)" />}
                title={point || kind || keyword || status !== 'all' ? '没有符合条件的题目' : '题库还是空的'}
                description={point || kind || keyword || status !== 'all' ? '换个知识点、题型或关键词试试' : '逐题新增，或下载模板批量导入'}
              />
            ) : (
              <View className={`${prefix}__list`}>
                {data.items.map((q) => (
                  <QuestionRow key={q.id} q={q} onClick={() => setEditing({ id: q.id, form: fromView(q) })} />
                ))}
              </View>
            )}
            {data.total > PAGE_SIZE && (
              <View className={`${prefix}__pager`}>
                <Pagination value={page} total={data.total} pageSize={PAGE_SIZE} mode="simple" onChange={setPage} />
              </View>
            )}
          </>
        )}
      </LoadState>

      <QuestionEditor
        editing={editing}
        points={points}
        onChange={(form) => setEditing((e) => (e ? { ...e, form } : e))}
        onClose={close}
        onSaved={(saved) => {
          if (!editing?.id) setUnsaved(null)
          setEditing(null)
          Taro.showToast({ title: editing?.id ? (saved.active ? '已保存' : '已保存，该题已停用') : '已加入题库', icon: 'none' })
          void list.reload()
        }}
      />
      <ImportSheet
        visible={importing}
        onClose={() => setImporting(false)}
        onImported={() => {
          setImporting(false)
          void list.reload()
        }}
      />
    </View>
  )
}
