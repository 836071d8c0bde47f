import { useState } from 'react'
import { Button, Checkbox, Popup, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { QUESTION_KIND_LABELS, type ImportPreview } from '@contract'
import { api, ApiError } from '@/services/api'
import { chooseSpreadsheet, uploadFile, type PickedFile } from '@/services/spreadsheets'
import { openExport } from '@/utils/open-export'
import { importBlock, importedText, rowProblems } from '../office-figures'

const prefix = 'quiz-bank'
const isH5 = process.env.TARO_ENV === 'h5'
/** A preview can hold a thousand rows; the sheet lists this many of each kind and counts the rest. */
const SHOWN = 50

export interface ImportSheetProps {
  visible: boolean
  onClose: () => void
  onImported: () => void
}

/**
 * 下载模板 → 选择文件 → preview by row → 导入. It stays mounted while closed, so a file picked and checked
 * is still there when the admin comes back to it; only a finished import starts it afresh.
 */
export function ImportSheet({ visible, onClose, onImported }: ImportSheetProps) {
  const [file, setFile] = useState<{ name: string; fileId: string } | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [validOnly, setValidOnly] = useState(false)
  const [busy, setBusy] = useState<'' | 'template' | 'file' | 'import'>('')
  const [error, setError] = useState('')

  const say = (e: unknown, fallback: string) => {
    const message = e instanceof ApiError ? (e.field('fileId') ?? e.message) : fallback
    setError(message)
    Taro.showToast({ title: message, icon: 'none', duration: 3000 })
  }

  const downloadTemplate = async () => {
    setBusy('template')
    try {
      const t = await api.call('quiz', 'template')
      await openExport(t.url, '题库导入模板.xlsx')
    } catch (e) {
      say(e, '模板打不开，请稍后再试')
    } finally {
      setBusy('')
    }
  }

  const pick = async () => {
    let picked: PickedFile | null
    try {
      picked = await chooseSpreadsheet()
    } catch (e) {
      say(e, '无法选择文件，请稍后再试')
      return
    }
    if (!picked) return
    setBusy('file')
    setError('')
    try {
      const fileId = await uploadFile(picked)
      const checked = await api.call('quiz', 'previewImport', { fileId })
      setFile({ name: picked.name, fileId })
      setPreview(checked)
      setValidOnly(false)
    } catch (e) {
      say(e, '文件检查失败，请稍后再试')
    } finally {
      setBusy('')
    }
  }

  const blocked = preview ? importBlock(preview, validOnly) : '请先选择文件'
  const run = async () => {
    if (!file || !preview || blocked) return
    setBusy('import')
    setError('')
    try {
      const done = await api.call('quiz', 'importQuestions', { fileId: file.fileId, validOnly })
      Taro.showToast({ title: importedText(done), icon: 'none', duration: 3000 })
      setFile(null)
      setPreview(null)
      setValidOnly(false)
      onImported()
    } catch (e) {
      say(e, '导入失败，请稍后再试')
    } finally {
      setBusy('')
    }
  }

  const problems = preview ? preview.rows.filter((r) => r.status !== 'valid').flatMap((r) => rowProblems(r).map((text) => ({ text, duplicate: r.status === 'duplicate' }))) : []
  const valid = preview ? preview.rows.filter((r) => r.status === 'valid') : []

  return (
    <Popup visible={visible} position="bottom" round closeable title="批量导入题目" onClose={onClose}>
      <View className={`${prefix}__import`}>
        <View className={`${prefix}__step`}>
          <View className={`${prefix}__step-text`}>
            <Text className={`${prefix}__step-title`}>1. 下载模板</Text>
            <Text className={`${prefix}__step-hint`}>按模板填写：每行一道题，答案填选项字母，判断题填“正确”或“错误”</Text>
          </View>
          <Button size="small" fill="outline" type="primary" loading={busy === 'template'} onClick={downloadTemplate}>
            下载模板
          </Button>
        </View>

        <View className={`${prefix}__step`}>
          <View className={`${prefix}__step-text`}>
            <Text className={`${prefix}__step-title`}>2. 选择文件</Text>
            <Text className={`${prefix}__step-hint`}>{file ? `已选：${file.name}` : isH5 ? '选择填好的 .xlsx 或 .csv 文件' : '从微信聊天中选择填好的 .xlsx 或 .csv 文件'}</Text>
          </View>
          <Button className={`${prefix}__pick`} size="small" fill="outline" type="primary" loading={busy === 'file'} disabled={!!busy && busy !== 'file'} onClick={pick}>
            {file ? '重新选择' : '选择文件'}
          </Button>
        </View>

        {preview && (
          <View className={`${prefix}__preview`}>
            <View className={`${prefix}__counts`}>
              <View className={`${prefix}__count`}>
                <Text className={`${prefix}__count-value ${prefix}__count-value--valid`}>{preview.valid}</Text>
                <Text className={`${prefix}__count-label`}>有效</Text>
              </View>
              <View className={`${prefix}__count`}>
                <Text className={`${prefix}__count-value ${preview.invalid ? `${prefix}__count-value--invalid` : ''}`}>{preview.invalid}</Text>
                <Text className={`${prefix}__count-label`}>有误</Text>
              </View>
              <View className={`${prefix}__count`}>
                <Text className={`${prefix}__count-value`}>{preview.duplicate}</Text>
                <Text className={`${prefix}__count-label`}>重复（不导入）</Text>
              </View>
            </View>

            {problems.length > 0 && (
              <View className={`${prefix}__problems`}>
                {problems.slice(0, SHOWN).map((p, i) => (
                  <Text key={i} className={`${prefix}__problem ${p.duplicate ? `${prefix}__problem--duplicate` : ''}`}>
                    {p.text}
                  </Text>
                ))}
                {problems.length > SHOWN && <Text className={`${prefix}__more`}>还有 {problems.length - SHOWN} 条，请改好前面的再重新选择文件</Text>}
              </View>
            )}

            {valid.length > 0 && (
              <View className={`${prefix}__valid`}>
                {valid.slice(0, SHOWN).map((r) => (
                  <View key={r.row} className={`${prefix}__valid-row`}>
                    <Text className={`${prefix}__valid-no`}>第{r.row}行</Text>
                    {r.question && (
                      <Tag background="var(--cwt-fill-strong)" color="var(--cwt-text-2)">
                        {QUESTION_KIND_LABELS[r.question.kind]}
                      </Tag>
                    )}
                    <Text className={`${prefix}__valid-stem`}>{r.question?.stem}</Text>
                  </View>
                ))}
                {valid.length > SHOWN && <Text className={`${prefix}__more`}>…共 {valid.length} 行有效</Text>}
              </View>
            )}

            {preview.invalid > 0 && preview.valid > 0 && (
              <Checkbox className={`${prefix}__valid-only`} checked={validOnly} onChange={setValidOnly} label={`只导入有效的行（${preview.valid} 行），有误的行不导入`} />
            )}
          </View>
        )}

        {error && <Text className={`${prefix}__error ${prefix}__error--form`}>{error}</Text>}
        {preview && blocked && <Text className={`${prefix}__blocked`}>{blocked}</Text>}
        <Button className={`${prefix}__run`} block type="primary" loading={busy === 'import'} disabled={!!blocked || (!!busy && busy !== 'import')} onClick={run}>
          {preview && !blocked ? `导入 ${preview.valid} 道题` : '导入'}
        </Button>
      </View>
    </Popup>
  )
}
