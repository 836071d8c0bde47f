import { Failure } from '@nutui/icons-react-taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { MASTERED_AFTER, QUESTION_KIND_LABELS, type WrongItem } from '@contract'
import { Blank } from '@/components/blank'
import { LoadState } from '@/components/load-state'
import { useReloadOnShow } from '@/hooks/use-reload-on-show'
import { ListFooter } from '@/components/list-footer'
import { usePaged } from '@/hooks/use-paged'
import { api } from '@/services/api'
import { Explanation } from '../components/explanation'
import { OptionRows } from '../components/option-rows'
import { urls } from '../people'
import { ModeMeta } from '@/components/mode-meta'
import './index.scss'
import { formatDay } from '@/utils/format'

const prefix = 'quiz-wrong'
const PAGE_SIZE = 10
/** The server takes a question out of the book after this many right answers in a row in practice. */

function Item({ item }: { item: WrongItem }) {
  const togo = Math.max(1, MASTERED_AFTER - item.streak)
  return (
    <View className={`cwt-section ${prefix}__item`}>
      <View className={`${prefix}__head`}>
        <Tag background="var(--cwt-bg)" color="var(--cwt-text-2)">
          {QUESTION_KIND_LABELS[item.kind]}
        </Tag>
        <Text className={`${prefix}__point`}>{item.point}</Text>
        <Text className={`${prefix}__misses`}>答错 {item.misses} 次</Text>
      </View>
      <Text className={`${prefix}__stem`}>{item.stem}</Text>
      <OptionRows kind={item.kind} options={item.options} choice={null} answer={item.answer} />
      <Explanation answer={item.answer} explanation={item.explanation} source={item.source} />
      <View className={`${prefix}__foot`}>
        <Text className={`${prefix}__streak`}>{item.streak > 0 ? `已连续答对 ${item.streak} 次，` : ''}再答对 {togo} 次移出错题本</Text>
        <Text className={`${prefix}__when`}>最近答错 {formatDay(item.lastMissedAt)}</Text>
      </View>
    </View>
  )
}

export default function WrongBookPage() {
  const list = usePaged((page) => api.call('quiz', 'wrongBook', { page, pageSize: PAGE_SIZE }), [])
  // Back from practising, questions may have left the book.
  useReloadOnShow(list.refresh)
  const total = list.last?.total ?? 0

  return (
    <View className={prefix}>
      <ModeMeta />
      <LoadState loading={list.loading} error={list.error} ready={!!list.last} onRetry={list.refresh} rows={6}>
        {total === 0 ? (
          <Blank
            icon={<Failure size={56} color="var(--cwt-brand-line)" />}
            title="错题本是空的"
            description={`答错的题会收进这里，练习时连续答对 ${MASTERED_AFTER} 次就会移出。先做一组每日练习吧`}
            action={{ text: '去每日练习', onClick: () => void Taro.navigateTo({ url: urls.practice('daily') }) }}
          />
        ) : (
          <>
            <View className={`${prefix}__body`}>
              <View className={`${prefix}__summary`}>
                <View className={`${prefix}__summary-main`}>
                  <Text className={`${prefix}__count`}>{total}</Text>
                  <Text className={`${prefix}__count-label`}>道错题待巩固</Text>
                </View>
                <Text className={`${prefix}__rule`}>每次练习抽 10 道，连续答对 {MASTERED_AFTER} 次即移出</Text>
              </View>
              {list.items.map((item) => (
                <Item key={item.questionId} item={item} />
              ))}
              <ListFooter loading={list.loadingMore} done={list.done} error={list.error} onRetry={list.more} />
            </View>
            <View className={`${prefix}__footer`}>
              <Button className={`${prefix}__practice`} type="primary" block onClick={() => void Taro.navigateTo({ url: urls.practice('wrong') })}>
                练习错题
              </Button>
            </View>
          </>
        )}
      </LoadState>
    </View>
  )
}
