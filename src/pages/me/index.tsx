import { useState } from 'react'
import { ArrowRight } from '@nutui/icons-react-taro'
import { Avatar, Cell, Dialog, Input, Switch, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { ROLE_LABELS } from '@contract'
import { IdentitySwitch } from '@/components/identity-switch'
import { LoadState } from '@/components/load-state'
import { useRequest } from '@/hooks/use-request'
import { api, ApiError } from '@/services/api'
import { isElder, setElder } from '@/services/elder'
import { InspectCells } from './inspect-cells'
import { NoticeCell } from './notice-cell'
import { OrganizeCells } from './organize-cells'
import { QuizCells } from './quiz-cells'
import { QuizOfficeCells } from './quiz-office-cells'
import { ResidentCells } from './resident-cells'
import { StaffCells } from './staff-cells'
import { VolunteerCells } from './volunteer-cells'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatFullDay } from '@/utils/format'

export default function MePage() {
  const me = useRequest(() => api.call('users', 'me'), [])
  const [editing, setEditing] = useState(false)
  const [nickname, setNickname] = useState('')
  const [error, setError] = useState('')
  const [saving, setSaving] = useState(false)
  const [elder, setElderShown] = useState(isElder)

  usePullDownRefresh(async () => {
    await me.reload()
    Taro.stopPullDownRefresh()
  })

  const startEdit = () => {
    setNickname(me.data?.nickname ?? '')
    setError('')
    setEditing(true)
  }

  // On failure the dialog stays open with what was typed, and says why.
  const save = async () => {
    setSaving(true)
    try {
      await api.call('users', 'updateProfile', { nickname })
      setEditing(false)
      await me.reload()
      Taro.showToast({ title: '昵称已更新', icon: 'success' })
    } catch (e) {
      setError(e instanceof ApiError ? (e.field('nickname') ?? e.message) : '保存失败，请稍后再试')
    } finally {
      setSaving(false)
    }
  }

  const user = me.data
  return (
    <View className="me">
      <ModeMeta />
      <LoadState loading={me.loading} error={me.error} ready={!!user} onRetry={me.reload}>
        {user && (
          <>
            <View className="me__card">
              <Avatar size="large" background="var(--cwt-brand)" color="var(--cwt-text-on-brand)">
                {user.nickname.slice(0, 1)}
              </Avatar>
              <View className="me__who">
                <Text className="me__name">{user.nickname}</Text>
                <View className="me__roles">
                  {user.roles.map((role) => (
                    <Tag key={role} background="rgba(255, 255, 255, 0.92)" color="var(--cwt-brand)">
                      {ROLE_LABELS[role]}
                    </Tag>
                  ))}
                </View>
              </View>
            </View>

            <Cell.Group className="me__cells">
              <Cell title="昵称" extra={<Text className="me__extra">{user.nickname} <ArrowRight size={12} /></Text>} clickable onClick={startEdit} />
              <Cell title="我的角色" extra={user.roles.map((r) => ROLE_LABELS[r]).join('、')} />
              {user.department && <Cell title="所属责任单位" extra={user.department.name} />}
              <Cell title="加入时间" extra={formatFullDay(user.joinedAt)} />
              <Cell
                className="me__elder"
                title="长辈版"
                description="字更大、按钮更大，看得清、点得准"
                extra={<Switch checked={elder} ariaLabel="长辈版" onChange={(on) => { setElder(on); setElderShown(on) }} />}
              />
              <NoticeCell roles={user.roles} />
            </Cell.Group>

            <ResidentCells />

            <VolunteerCells />

            <QuizCells />

            <OrganizeCells roles={user.roles} />

            <QuizOfficeCells roles={user.roles} />

            <StaffCells roles={user.roles} department={user.department?.name ?? null} />

            <InspectCells roles={user.roles} />

            {process.env.TARO_ENV === 'h5' && (
              <View className="me__switch">
                <Text className="me__switch-hint">本地体验版可切换演示身份，查看不同角色看到的内容</Text>
                <IdentitySwitch reloadTo="/pages/me/index" />
              </View>
            )}
          </>
        )}
      </LoadState>

      <Dialog
        visible={editing}
        title="修改昵称"
        confirmText={saving ? '保存中…' : '保存'}
        cancelText="取消"
        onConfirm={save}
        onCancel={() => setEditing(false)}
        closeOnOverlayClick={false}
      >
        <Input className="me__input" value={nickname} onChange={(v) => { setNickname(v); setError('') }} placeholder="1–20 个字" maxLength={20} clearable />
        {error && <Text className="me__error">{error}</Text>}
      </Dialog>
    </View>
  )
}
