import { useEffect, useReducer, useRef, useState } from 'react'
import { Category, Clock, Edit, Failure, Search } from '@nutui/icons-react-taro'
import { Button, Dialog, Popup, Skeleton, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useUnload } from '@tarojs/taro'
import { QUESTION_KIND_LABELS, type Feedback, type Paper } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { Explanation } from '../components/explanation'
import { OptionRows } from '../components/option-rows'
import { back, isPractice, readParam, urls } from '../people'
import { clockOffset, dueWarnings, extendedText, formatLeft, isUrgent, msLeft, stillGiven, warningText } from './countdown'
import { AnswerSaver, type SaveStatus } from './saver'
import { cellState, firstOpen, isAnswered, toggleChoice, unansweredCount } from './sheet'
import { keepUnsaved, readUnsaved, toResend } from './unsaved'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'

const prefix = 'quiz-paper'

const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 2500 })
const messageOf = (e: unknown, fallback: string) => (e instanceof ApiError ? e.message : fallback)

/** Refusals no retry mends: the time is up or the paper handed in (CONFLICT), or it is not the caller's. */
const isFinal = (e: unknown) => e instanceof ApiError && ['CONFLICT', 'NOT_FOUND', 'FORBIDDEN'].includes(e.code)

function Skeletons() {
  return (
    <View className={prefix}>
      <View className="cwt-section">
        <Skeleton rows={8} animated />
      </View>
    </View>
  )
}

/** `?quizId=` or `?mode=`: makes (or resumes) the attempt, then stands on its id so a reload finds the same one. */
function Starter({ quizId, from }: { quizId: string; from: 'daily' | 'wrong' }) {
  const started = useRequest(() => (quizId ? api.call('quiz', 'start', { quizId }) : api.call('quiz', 'practice', { from })), [quizId, from])

  useEffect(() => {
    if (started.data) void Taro.redirectTo({ url: urls.paper(started.data.attemptId) })
  }, [started.data])

  const error = started.error
  if (!error || started.loading) return <Skeletons />
  // A passing hiccup is worth another try; a quiz for bound students offers the binding; anything else goes back.
  const action =
    error.code === 'NETWORK' || error.code === 'INTERNAL'
      ? { text: '重试', onClick: () => void started.reload() }
      : /绑定/.test(error.message)
        ? { text: '去绑定', onClick: () => void Taro.redirectTo({ url: urls.profile }) }
        : { text: '返回', onClick: back }
  return (
    <View className={prefix}>
      <Blank icon={<Edit size={56} color="var(--cwt-brand-line)" />} title={quizId ? '暂时不能开始答题' : '暂时不能开始练习'} description={error.message} action={action} />
    </View>
  )
}

async function loadPaper(attemptId: string) {
  const sentAt = Date.now()
  const paper = await api.call('quiz', 'paper', { attemptId })
  return { paper, offset: clockOffset(paper.now, sentAt, Date.now()) }
}

/** `?attemptId=`: the attempt as the server holds it; a graded one goes straight to its result. */
function Sitting({ attemptId }: { attemptId: string }) {
  const loaded = useRequest(() => loadPaper(attemptId), [attemptId])
  const paper = loaded.data?.paper

  useEffect(() => {
    if (paper?.status !== 'graded') return
    keepUnsaved(attemptId, {})
    void Taro.redirectTo({ url: urls.result(attemptId) })
  }, [attemptId, paper])

  if (loaded.error?.code === 'NOT_FOUND' && !loaded.loading) {
    return (
      <View className={prefix}>
        <Blank icon={<Search size={56} color="var(--cwt-brand-line)" />} title="找不到这份答卷" description="它可能不是您的答卷，或链接已失效" action={{ text: '去答题首页', onClick: () => void Taro.redirectTo({ url: urls.home }) }} />
      </View>
    )
  }
  if (!paper || paper.status === 'graded') {
    return (
      <View className={prefix}>
        <LoadState loading={loaded.loading} error={loaded.error} ready={false} onRetry={loaded.reload} rows={8}>
          {null}
        </LoadState>
      </View>
    )
  }
  return <Desk paper={paper} offset={loaded.data!.offset} />
}

/** Ticks every second while `active`: the countdown re-reads the phone clock each time, shifted to the server's. */
function useNow(active: boolean) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [active])
  return now
}

const SAVE_TEXT: Record<SaveStatus, string> = { saved: '已保存', saving: '保存中…', failed: '保存失败' }

/** What the hand-in notice says: why the paper ended, and the score when the server gave it. */
interface Ended {
  title: string
  text: string
  score: number | null
}

function Desk({ paper, offset }: { paper: Paper; offset: number }) {
  const { attemptId, questions } = paper
  // The deadline is the server's: the office may move it while the paper is open (extra time), never the phone.
  const [timing, setTiming] = useState({ deadline: paper.deadline, offset, extraMinutes: paper.extraMinutes })
  const timingRef = useRef(timing)
  timingRef.current = timing
  const [ended, setEnded] = useState<Ended | null>(null)
  const practice = isPractice(paper.kind)
  const total = questions.length
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  // Choices a lost connection kept on the phone last time show at once and are sent again below.
  const [resend] = useState(() => (practice ? [] : toResend(questions, readUnsaved(attemptId))))
  const [choices, setChoices] = useState(() => {
    const shown = questions.map((q) => q.choice)
    for (const r of resend) shown[r.index] = r.choice
    return shown
  })
  const [feedback, setFeedback] = useState<(Feedback | null)[]>(() => questions.map((q) => q.feedback))
  const [current, setCurrent] = useState(() => firstOpen(questions, practice))
  const [sheetOpen, setSheetOpen] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState<'' | 'check' | 'submit'>('')
  /** Set once the paper is on its way to the result, so the deadline and a refused save do not both hand it in. */
  const ending = useRef(false)
  const onFinal = useRef<(e: unknown) => void>(() => undefined)

  const [saver] = useState(() => {
    const s: AnswerSaver = new AnswerSaver({
      send: (index, choice) => api.call('quiz', 'answer', { attemptId, index, choice }),
      isFinal,
      onFinal: (e) => onFinal.current(e),
      onChange: () => {
        keepUnsaved(attemptId, s.unsaved())
        rerender()
      }
    })
    questions.forEach((q) => s.seed(q.index, q.choice))
    return s
  })

  useEffect(() => {
    for (const r of resend) saver.set(r.index, r.choice)
  }, [saver, resend])
  useUnload(() => saver.stop())

  const toResult = () => {
    keepUnsaved(attemptId, saver.unsaved())
    void Taro.redirectTo({ url: urls.result(attemptId) })
  }

  // A save the server refuses for good (the time is up, the paper handed in elsewhere): said until dismissed.
  onFinal.current = (e) => {
    if (ending.current) return
    ending.current = true
    setEnded({ title: '答卷已结束', text: messageOf(e, '答卷已结束，不能再修改答案'), score: null })
  }

  const handIn = async () => {
    setBusy('submit')
    const saved = await saver.flush()
    if (!saved && !ending.current) {
      setBusy('')
      return toast(`有 ${Object.keys(saver.unsaved()).length} 题的答案还没保存上，请检查网络后再交卷`)
    }
    ending.current = true
    try {
      await api.call('quiz', 'submit', { attemptId })
    } catch (e) {
      // Handed in already (another tab, the deadline): the result is there.
      if (!(e instanceof ApiError && e.code === 'CONFLICT')) {
        ending.current = false
        setBusy('')
        return toast(messageOf(e, '交卷失败，请稍后再试'))
      }
    }
    toResult()
  }

  const now = useNow(!!timing.deadline)
  const left = timing.deadline ? msLeft(timing.deadline, timing.offset, now) : null

  // Said aloud by screen readers (the live region below) and shown in a toast.
  const [warning, setWarning] = useState('')
  const say = (text: string) => {
    setWarning(text)
    toast(text)
  }
  const warned = useRef<number[]>([])
  // bumped to ask the server again when the phone reached zero before it
  const [round, setRound] = useState(0)
  const asking = useRef(false)

  /**
   * Asks the server for the paper's deadline again: 'moved' when the office gave more time (the countdown takes
   * it, and the warnings not yet reached by the new time are due again), else what the server says of the paper.
   */
  const recheck = async (): Promise<'moved' | 'open' | 'graded' | 'unknown'> => {
    try {
      const fresh = await loadPaper(attemptId)
      if (fresh.paper.status !== 'open') return 'graded'
      const { deadline, extraMinutes } = fresh.paper
      const moved = deadline !== timingRef.current.deadline
      setTiming({ deadline, offset: fresh.offset, extraMinutes })
      if (!moved) return 'open'
      const ms = deadline ? msLeft(deadline, fresh.offset, Date.now()) : 0
      warned.current = stillGiven(warned.current, ms)
      say(extendedText(ms))
      return 'moved'
    } catch {
      return 'unknown'
    }
  }

  /** At zero the server decides: more time granted, or the paper graded on what it saved by its deadline. */
  const timeUp = async () => {
    setBusy('submit')
    await saver.flush()
    const found = await recheck()
    if (found === 'moved' || found === 'open') {
      setBusy('')
      // the phone ran a little ahead of the server: ask again in a moment
      if (found === 'open') setTimeout(() => setRound((r) => r + 1), 1000)
      return
    }
    ending.current = true
    let score: number | null = null
    try {
      score = (await api.call('quiz', found === 'graded' ? 'result' : 'submit', { attemptId })).score
    } catch {
      // the result page says what the server graded
    }
    keepUnsaved(attemptId, saver.unsaved())
    setBusy('')
    setEnded({ title: '答题时间到', text: '已按到时保存的答案自动交卷。', score })
  }

  useEffect(() => {
    if (left !== 0 || ending.current || asking.current) return
    asking.current = true
    void timeUp().finally(() => (asking.current = false))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [left, round])

  // 5 and 1 minutes before the end; the deadline is asked for first, so a grant made meanwhile is not missed
  useEffect(() => {
    if (left === null) return
    const due = dueWarnings(left, warned.current)
    if (!due.length) return
    warned.current.push(...due)
    void recheck().then((found) => {
      if (found !== 'moved') say(warningText(left))
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [left])

  const go = (index: number) => {
    setCurrent(Math.max(0, Math.min(total - 1, index)))
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  const q = questions[current]
  const fb = feedback[current]
  const locked = !!fb || ending.current || busy === 'submit'

  const tap = (option: number) => {
    if (locked) return
    const next = toggleChoice(q.kind, choices[current], option)
    setChoices((all) => all.map((c, i) => (i === current ? next : c)))
    if (!practice) saver.set(current, next)
  }

  const check = async () => {
    const choice = choices[current]
    if (!choice || !isAnswered(choice)) return
    setBusy('check')
    try {
      const answered = await api.call('quiz', 'answer', { attemptId, index: current, choice })
      setFeedback((all) => all.map((f, i) => (i === current ? answered.feedback : f)))
    } catch (e) {
      toast(messageOf(e, '提交答案失败，请稍后再试'))
    } finally {
      setBusy('')
    }
  }

  const unanswered = unansweredCount(choices, feedback, practice)
  const last = current === total - 1
  const finish = () => (practice && unanswered === 0 ? void handIn() : setConfirming(true))

  let primary: { text: string; onClick: () => void; disabled?: boolean; loading?: boolean }
  if (practice && !fb) primary = { text: '确定', onClick: check, disabled: !isAnswered(choices[current]), loading: busy === 'check' }
  else if (!last) primary = { text: '下一题', onClick: () => go(current + 1) }
  else primary = { text: practice ? '完成' : '交卷', onClick: finish, loading: busy === 'submit' }

  const status = practice ? null : saver.status(current)
  const overall = practice ? null : saver.overall()
  // red under a minute, pulsing only while time runs: at 00:00 the notice says the rest
  const urgent = left !== null && isUrgent(left) ? (left > 0 ? 'urgent' : 'over') : null

  return (
    <View className={prefix}>
      <View className={`${prefix}__bar`}>
        <View className={`${prefix}__bar-main`}>
          <Text className={`${prefix}__title`}>{paper.title}</Text>
          <Text className={`${prefix}__progress`}>
            已答 {total - unanswered}/{total}
            {practice ? ' · 练习不计排名' : paper.passMark !== null ? ` · ${paper.passMark} 分及格` : ''}
          </Text>
          {timing.extraMinutes > 0 && <Text className={`${prefix}__extra`}>已延长 {timing.extraMinutes} 分钟</Text>}
        </View>
        {left !== null && (
          <View className={`${prefix}__countdown ${urgent ? `${prefix}__countdown--${urgent}` : ''}`}>
            <Clock size={14} />
            <Text className={`${prefix}__left`}>{formatLeft(left)}</Text>
          </View>
        )}
        <View className={`${prefix}__live`} ariaRole="status" aria-live="polite">
          {warning}
        </View>
        {!practice && (
          <Button className={`${prefix}__submit`} size="small" type="primary" loading={busy === 'submit'} onClick={() => setConfirming(true)}>
            交卷
          </Button>
        )}
      </View>
      <View className={`${prefix}__track`}>
        <View className={`${prefix}__track-fill`} style={{ width: `${((total - unanswered) / Math.max(1, total)) * 100}%` }} />
      </View>

      {overall === 'failed' && status !== 'failed' && (
        <View className={`${prefix}__alert`} ariaRole="button" onClick={() => void saver.flush()}>
          <Failure size={14} />
          <Text>有答案没保存上，正在自动重试，点此立即重试</Text>
        </View>
      )}

      <View className={`cwt-section ${prefix}__question`}>
        <View className={`${prefix}__head`}>
          <Tag background="var(--cwt-brand-soft)" color="var(--cwt-brand)">
            {QUESTION_KIND_LABELS[q.kind]}
          </Tag>
          <Text className={`${prefix}__number`}>
            第 {current + 1} 题<Text className={`${prefix}__of`}> / 共 {total} 题</Text>
          </Text>
          <Text className={`${prefix}__point`}>{q.point}</Text>
        </View>
        <Text className={`${prefix}__stem`}>{q.stem}</Text>
        {q.kind === 'multiple' && <Text className={`${prefix}__hint`}>多选题：选出全部正确的选项，多选、少选均不得分</Text>}
        <OptionRows kind={q.kind} options={q.options} choice={choices[current]} answer={fb?.answer} onTap={locked ? undefined : tap} />
        {!practice && (
          <View className={`${prefix}__save ${status ? `${prefix}__save--${status}` : ''}`} onClick={status === 'failed' ? () => void saver.flush() : undefined}>
            <Text>
              {status === 'failed'
                ? `${SAVE_TEXT.failed}：${messageOf(saver.lastError, '网络不通')}，正在重试（点此立即重试）`
                : status
                  ? SAVE_TEXT[status]
                  : '选择后自动保存，交卷前可以修改'}
            </Text>
          </View>
        )}
        {fb && (
          <View className={`${prefix}__feedback`}>
            <Explanation correct={fb.correct} answer={fb.answer} explanation={fb.explanation} source={fb.source} />
          </View>
        )}
      </View>

      <View className={`${prefix}__footer`}>
        <Button className={`${prefix}__prev`} fill="outline" disabled={current === 0} onClick={() => go(current - 1)}>
          上一题
        </Button>
        <View className={`${prefix}__sheet-toggle`} ariaRole="button" onClick={() => setSheetOpen(true)}>
          <Category size="var(--cwt-icon-md)" />
          <Text>答题卡</Text>
        </View>
        <Button className={`${prefix}__next`} type="primary" disabled={primary.disabled} loading={primary.loading} onClick={primary.onClick}>
          {primary.text}
        </Button>
      </View>

      <Popup visible={sheetOpen} position="bottom" round closeable title="答题卡" onClose={() => setSheetOpen(false)} className={`${prefix}__sheet`}>
        <View className={`${prefix}__legend`}>
          {(practice
            ? [
                ['right', '答对'],
                ['wrong', '答错'],
                ['blank', '未答']
              ]
            : [
                ['answered', '已答'],
                ['blank', '未答'],
                ['failed', '未保存']
              ]
          ).map(([look, text]) => (
            <View key={look} className={`${prefix}__legend-item`}>
              <View className={`${prefix}__dot ${prefix}__cell--${look}`} />
              <Text>{text}</Text>
            </View>
          ))}
        </View>
        <View className={`${prefix}__grid`}>
          {questions.map((item, i) => (
            <View
              key={item.index}
              className={`${prefix}__cell ${prefix}__cell--${cellState(choices[i], feedback[i])} ${saver.status(i) === 'failed' ? `${prefix}__cell--failed` : ''} ${i === current ? `${prefix}__cell--current` : ''}`}
              ariaRole="button"
              ariaLabel={`第 ${i + 1} 题，${isAnswered(choices[i]) ? '已答' : '未答'}`}
              onClick={() => {
                setSheetOpen(false)
                go(i)
              }}
            >
              {i + 1}
            </View>
          ))}
        </View>
        <Button
          className={`${prefix}__sheet-submit`}
          type="primary"
          block
          onClick={() => {
            setSheetOpen(false)
            finish()
          }}
        >
          {practice ? '完成练习' : '交卷'}
        </Button>
      </Popup>

      <Dialog
        visible={confirming}
        title={practice ? '结束练习吗？' : '确定交卷吗？'}
        content={
          practice
            ? `还有 ${unanswered} 题没有作答，结束后按答错计入本次练习。`
            : unanswered > 0
              ? `还有 ${unanswered} 题未作答，未作答的题不得分。交卷后不能再修改答案。`
              : '已全部作答。交卷后不能再修改答案。'
        }
        confirmText={practice ? '结束练习' : '交卷'}
        cancelText={practice ? '继续练习' : '继续答题'}
        onConfirm={() => {
          setConfirming(false)
          void handIn()
        }}
        onCancel={() => setConfirming(false)}
      />

      {/* stays until the person answers it: nothing closes it by itself or by a tap beside it */}
      <Dialog
        className="cwt-alert"
        visible={!!ended}
        title={ended?.title}
        content={
          <View className={`${prefix}__ended`}>
            <Text>{ended?.text}</Text>
            {ended?.score != null && <Text className={`${prefix}__ended-score`}>本次得分 {ended.score} 分</Text>}
          </View>
        }
        closeOnOverlayClick={false}
        confirmText="查看成绩"
        cancelText="返回答题首页"
        onConfirm={toResult}
        onCancel={() => void Taro.redirectTo({ url: urls.home })}
      />
    </View>
  )
}

export default function PaperPage() {
  const { params } = useRouter()
  const attemptId = readParam(params.attemptId)
  return (
    <>
      <ModeMeta />
      {attemptId ? <Sitting attemptId={attemptId} /> : <Starter quizId={readParam(params.quizId)} from={params.mode === 'wrong' ? 'wrong' : 'daily'} />}
    </>
  )
}
