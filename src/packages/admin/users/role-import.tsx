import { useState } from 'react'
import { Button, Popup, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ROLE_LABELS, type RoleImportPreview } from '@contract'
import { api, ApiError } from '@/services/api'
import { chooseSpreadsheet, uploadFile, type PickedFile } from '@/services/spreadsheets'

const prefix = 'admin-users'
const isH5 = process.env.TARO_ENV === 'h5'
/** A list can hold 500 rows; the preview shows this many and counts the rest. */
const SHOWN = 50

/**
 * 批量授予角色: a sheet with 手机号或昵称 / 角色 / 部门, checked row by row before anything changes; granted only
 * when every row is right. Stays mounted while closed, so a checked file is still there when the admin returns.
 */
export function RoleImport({ visible, onClose, onImported }: { visible: boolean; onClose: () => void; onImported: () => void }) {
  const [file, setFile] = useState<{ name: string; fileId: string } | null>(null)
  const [preview, setPreview] = useState<RoleImportPreview | null>(null)
  const [busy, setBusy] = useState<'' | 'file' | 'import'>('')
  const [error, setError] = useState('')

  const say = (e: unknown, fallback: string) => {
    const message = e instanceof ApiError ? (e.field('fileId') ?? e.message) : fallback
    setError(message)
    Taro.showToast({ title: message, icon: 'none', duration: 3000 })
  }

  const pick = async () => {
    let picked: PickedFile | null
    try {
      picked = await chooseSpreadsheet()
    } catch (e) {
      return say(e, '无法选择文件，请稍后再试')
    }
    if (!picked) return
    setBusy('file')
    setError('')
    try {
      const fileId = await uploadFile(picked)
      setPreview(await api.call('volunteer', 'previewRoles', { fileId }))
      setFile({ name: picked.name, fileId })
    } catch (e) {
      say(e, '文件检查失败，请稍后再试')
    } finally {
      setBusy('')
    }
  }

  const run = async () => {
    if (!file || !preview || preview.invalid) return
    setBusy('import')
    setError('')
    try {
      const done = await api.call('volunteer', 'importRoles', { fileId: file.fileId })
      Taro.showToast({ title: `已授予 ${done.granted} 项角色${done.unchanged ? `，${done.unchanged} 项原已拥有` : ''}`, icon: 'none', duration: 3000 })
      setFile(null)
      setPreview(null)
      onImported()
    } catch (e) {
      say(e, '授予失败，请稍后再试')
    } finally {
      setBusy('')
    }
  }

  const rows = preview ? [...preview.rows].sort((a, b) => Number(a.status === 'valid') - Number(b.status === 'valid')) : []
  return (
    <Popup visible={visible} position="bottom" round closeable title="批量授予角色" onClose={onClose}>
      <View className={`${prefix}__import`}>
        <Text className={`${prefix}__import-hint`}>
          表格第一行为表头：手机号或昵称、角色、部门。手机号须是已注册志愿者的 11 位号码，其他人填昵称；角色填志愿者、学生、办理人、组织者或管理员；办理人须填所属责任单位，其他角色部门留空。
        </Text>
        <View className={`${prefix}__import-pick`}>
          <Text className={`${prefix}__import-file`}>{file ? `已选：${file.name}` : isH5 ? '选择 .xlsx 或 .csv 文件' : '从微信聊天中选择 .xlsx 或 .csv 文件'}</Text>
          <Button size="small" fill="outline" type="primary" loading={busy === 'file'} disabled={busy === 'import'} onClick={pick}>
            {file ? '重新选择' : '选择文件'}
          </Button>
        </View>

        {preview && (
          <View className={`${prefix}__import-rows`}>
            <Text className={`${prefix}__import-sum`}>
              共 {preview.rows.length} 行：有效 {preview.valid} 行{preview.invalid ? `，有误 ${preview.invalid} 行` : ''}
            </Text>
            {rows.slice(0, SHOWN).map((r) =>
              r.status === 'invalid' ? (
                <Text key={r.row} className={`${prefix}__import-row ${prefix}__import-row--invalid`}>
                  第 {r.row} 行 {r.errors.map((e) => `${e.field}：${e.message}`).join('；')}
                </Text>
              ) : (
                <View key={r.row} className={`${prefix}__import-row`}>
                  <Text>
                    第 {r.row} 行 {r.user?.nickname} → {r.role && ROLE_LABELS[r.role]}
                    {r.department ? `（${r.department.name}）` : ''}
                  </Text>
                  {r.held && (
                    <Tag background="var(--cwt-fill-strong)" color="var(--cwt-text-hint)">
                      已拥有
                    </Tag>
                  )}
                </View>
              )
            )}
            {rows.length > SHOWN && <Text className={`${prefix}__import-sum`}>还有 {rows.length - SHOWN} 行未列出</Text>}
          </View>
        )}

        {error && <Text className={`${prefix}__error`}>{error}</Text>}
        {preview && preview.invalid > 0 && <Text className={`${prefix}__error`}>有误的行改好后重新选择文件；只要有一行有误，就不会授予任何角色</Text>}
        <Button block type="primary" loading={busy === 'import'} disabled={!preview || preview.invalid > 0 || busy === 'file'} onClick={run}>
          {preview && !preview.invalid ? `授予 ${preview.valid} 项角色` : '授予'}
        </Button>
      </View>
    </Popup>
  )
}
