import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { REPORT_STATUS_LABELS, type TimelineEntry } from '@contract'
import { alt } from '@/utils/a11y'
import './index.scss'
import { formatDateTime } from '@/utils/format'

export interface CaseTimelineProps {
  entries: TimelineEntry[]
  /** Newest first reads best on a phone; the API gives oldest first. */
  newestFirst?: boolean
}

const defaultProps = { newestFirst: true } satisfies Partial<CaseTimelineProps>
const prefix = 'cwt-case-timeline'

/** Every step of a case: when, who, what changed, the note, the photos and the deadline set. */
export function CaseTimeline(props: CaseTimelineProps) {
  const { entries, newestFirst } = { ...defaultProps, ...props }
  const shown = newestFirst ? [...entries].reverse() : entries
  return (
    <View className={prefix}>
      {shown.map((entry, i) => (
        <View key={`${entry.at}-${i}`} className={`${prefix}__item ${i === 0 ? `${prefix}__item--current` : ''}`}>
          <View className={`${prefix}__dot`} />
          <View className={`${prefix}__body`}>
            <View className={`${prefix}__head`}>
              <Text className={`${prefix}__to`}>{REPORT_STATUS_LABELS[entry.to]}</Text>
              <Text className={`${prefix}__at`}>{formatDateTime(entry.at)}</Text>
            </View>
            <Text className={`${prefix}__actor`}>{entry.actor}</Text>
            {entry.note && <Text className={`${prefix}__note`}>{entry.note}</Text>}
            {entry.deadline && <Text className={`${prefix}__deadline`}>整改时限：{formatDateTime(entry.deadline)} 前</Text>}
            {entry.photos.length > 0 && (
              <View className={`${prefix}__photos`}>
                {entry.photos.map((url) => (
                  <Image key={url} className={`${prefix}__photo`} {...alt('办理照片')} src={url} mode="aspectFill" onClick={() => Taro.previewImage({ urls: entry.photos, current: url })} />
                ))}
              </View>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
