import { useEffect } from 'react'
import { Axis, Canvas as F2Canvas, Chart, createElement as h, Legend, Line, Point } from '@antv/f2'
import { Canvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TrendWeek } from '@contract'

const ID = 'cockpit-trend'
const COLORS = ['#c8161d', '#1f9d55']

interface Surface {
  context: CanvasRenderingContext2D
  width: number
  height: number
  /** WeChat's Canvas 2D node draws images and frames itself; a browser's canvas leaves both to the window. */
  node?: { createImage: () => HTMLImageElement; requestAnimationFrame: (fn: () => void) => number; cancelAnimationFrame: (id: number) => void }
}

// F2's element types are its own JSX's; built without JSX here (the file's JSX is React's), its components are given as they are
const el = h as unknown as (type: unknown, props: object, ...children: unknown[]) => { props: object }

/** The page's canvas as a 2D context at the screen's pixel ratio: the Canvas 2D node in WeChat, the element in H5. */
function surface(pixelRatio: number): Promise<Surface | null> {
  if (process.env.TARO_ENV === 'h5') {
    const host = document.getElementById(ID)
    const canvas = host?.tagName === 'CANVAS' ? (host as HTMLCanvasElement) : host?.querySelector('canvas')
    if (!canvas) return Promise.resolve(null)
    const { width, height } = canvas.getBoundingClientRect()
    canvas.width = width * pixelRatio
    canvas.height = height * pixelRatio
    return Promise.resolve({ context: canvas.getContext('2d')!, width, height })
  }
  return new Promise((resolve) =>
    Taro.createSelectorQuery()
      .select(`#${ID}`)
      .fields({ node: true, size: true })
      .exec(([found]) => {
        if (!found?.node) return resolve(null)
        const { node, width, height } = found
        node.width = width * pixelRatio
        node.height = height * pixelRatio
        resolve({ context: node.getContext('2d'), width, height, node })
      })
  )
}

const weekLabel = (w: TrendWeek) => `${Number(w.from.slice(5, 7))}/${Number(w.from.slice(8))}`

/** 近12周 新增 against 办结, drawn with F2 on the page's canvas; redrawn when the weeks change. */
export function TrendChart({ weeks }: { weeks: TrendWeek[] }) {
  const key = JSON.stringify(weeks)
  useEffect(() => {
    let chart: F2Canvas | null = null
    let gone = false
    const data = weeks.flatMap((w) => [
      { week: weekLabel(w), kind: '新增', value: w.filed },
      { week: weekLabel(w), kind: '办结', value: w.closed }
    ])
    const pixelRatio = Taro.getSystemInfoSync().pixelRatio || 1
    // the canvas is laid out after this render: measured on the next tick
    Taro.nextTick(async () => {
      const found = await surface(pixelRatio)
      if (!found || gone) return
      const { context, width, height, node } = found
      chart = new F2Canvas({
        context,
        pixelRatio,
        width,
        height,
        animate: false,
        ...(node ? { createImage: () => node.createImage(), requestAnimationFrame: (fn: () => void) => node.requestAnimationFrame(fn), cancelAnimationFrame: (id: number) => node.cancelAnimationFrame(id) } : {}),
        children: el(
          Chart,
          { data, scale: { value: { min: 0, nice: true, tickCount: 4 }, week: { tickCount: 6 } } },
          el(Legend, { position: 'top', style: { justifyContent: 'flex-end' }, marker: 'circle', nameStyle: { fill: '#595959', fontSize: 12 } }),
          el(Axis, { field: 'week', style: { label: { fill: '#8c8c8c', fontSize: 11 } } }),
          el(Axis, { field: 'value', style: { label: { fill: '#8c8c8c', fontSize: 11 } } }),
          el(Line, { x: 'week', y: 'value', color: { field: 'kind', range: COLORS }, style: { lineWidth: 2 } }),
          el(Point, { x: 'week', y: 'value', color: { field: 'kind', range: COLORS }, size: 3 })
        )
      })
      await chart.render()
    })
    return () => {
      gone = true
      chart?.destroy()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  return (
    <View className="cockpit__trend">
      <Canvas type="2d" id={ID} className="cockpit__trend-canvas" />
    </View>
  )
}
