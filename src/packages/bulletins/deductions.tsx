import { ArrowRight } from '@nutui/icons-react-taro'
import { Text, View } from '@tarojs/components'
import type { AssessmentWeights, Deduction } from '@contract'
import './deductions.scss'

const prefix = 'bulletin-terms'

/** The formula as the office set it, in one sentence, for the head of the ranking. */
export const formulaText = (w: AssessmentWeights) =>
  `基础分 ${w.base}；超期案件每件扣 ${w.overdue} 分；白色、黄色、红色督办单每件扣 ${w.white}、${w.yellow}、${w.red} 分；督查未达标点位每个扣 ${w.failedPoint} 分；群众反馈未解决每件扣 ${w.unresolved} 分；整改率以 ${w.fixRateTarget}% 为线，每高（低）1 个百分点加（减）${w.fixRatePerPoint} 分，至多 ${w.fixRateCap} 分。`

/** A score as it was applied: the base, then every term that moved it; a term with cases or orders behind it opens them. */
export function Terms({ base, deductions, onOpen }: { base: number; deductions: Deduction[]; onOpen?: (d: Deduction) => void }) {
  return (
    <View className={prefix}>
      <Text className={`${prefix}__line`}>基础分 {base}</Text>
      {deductions.map((d) => {
        const linked = !!onOpen && d.caseIds.length + d.orderIds.length > 0
        return (
          <View
            key={d.reason}
            className={`${prefix}__line ${d.points < 0 ? `${prefix}__line--minus` : `${prefix}__line--plus`} ${linked ? `${prefix}__line--link` : ''}`}
            onClick={linked ? (e) => { e.stopPropagation(); onOpen(d) } : undefined}
          >
            <Text className={`${prefix}__label`}>{d.label}</Text>
            {linked && <ArrowRight size={10} />}
          </View>
        )
      })}
      {!deductions.length && <Text className={`${prefix}__line ${prefix}__line--none`}>无扣分项</Text>}
    </View>
  )
}
