import { useState } from 'react'
import { ActionSheet, Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { ROLE_LABELS } from '@contract'
import { currentOpenid, demoIdentities, switchIdentity } from '@/services/identity'

export interface IdentitySwitchProps {
  /** Page to reload into after switching, so every figure is fetched again as the new identity. */
  reloadTo: string
}

/** H5 build only: pick one of the local runtime's demo identities. WeChat identifies the user itself. */
export function IdentitySwitch({ reloadTo }: IdentitySwitchProps) {
  const [open, setOpen] = useState(false)
  if (process.env.TARO_ENV !== 'h5') return null
  const current = demoIdentities.find((d) => d.openid === currentOpenid()) ?? demoIdentities[0]
  const options = demoIdentities.map((d) => ({
    name: `${d.nickname}（${d.roles.filter((r) => r !== 'resident').map((r) => ROLE_LABELS[r]).join('、') || ROLE_LABELS.resident}）`,
    description: d.openid,
    openid: d.openid,
    disabled: d.openid === current.openid
  }))
  return (
    <>
      <Button className="cwt-identity-switch" size="small" fill="outline" onClick={() => setOpen(true)}>
        演示身份：{current.nickname} ▾
      </Button>
      <ActionSheet
        visible={open}
        title="切换演示身份（仅本地运行时）"
        options={options}
        cancelText="取消"
        onCancel={() => setOpen(false)}
        onSelect={(item) => {
          setOpen(false)
          switchIdentity(String(item.openid))
          void Taro.reLaunch({ url: reloadTo })
        }}
      />
    </>
  )
}
