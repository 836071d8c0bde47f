import Taro from '@tarojs/taro'
import type { Certificate } from '@contract'
import { formatDay, formatFullDay, hoursText } from '@/utils/format'

/** The certificate as a picture: drawn at 2× on a 750-wide page, the same drawing for a weapp canvas and a browser one. */
const WIDTH = 750
const SCALE = 2
const PAD = 56
/** A long service record is summed up after this many rows: a phone's photo viewer shrinks a taller picture to nothing. */
const MAX_ROWS = 20
const RED = '#c8161d'
const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'

type Ctx = CanvasRenderingContext2D

/** Each character is measured: Chinese has no spaces to break at. */
function wrap(ctx: Ctx, text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > width && line) {
      lines.push(line)
      line = ch
    } else line += ch
  }
  return line ? [...lines, line] : lines
}

const paragraphs = (c: Certificate) => {
  const day = formatFullDay(c.issuedAt)
  return [
    `兹证明 ${c.name}（${c.team}）为本市注册志愿者，截至 ${day}，共参加志愿服务活动 ${c.activities.length} 次，经组织者确认的志愿服务时长累计 ${hoursText(c.hours)} 小时。`,
    ...(c.makeupHours > 0 ? [`另经创文办补录志愿服务时长 ${hoursText(c.makeupHours)} 小时，未计入上述认证时长。`] : [])
  ]
}

/** Lays the certificate out and answers its height; with `draw` false it only measures. */
function layout(ctx: Ctx, c: Certificate, draw: boolean): number {
  const inner = WIDTH - PAD * 2
  const text = (s: string, x: number, y: number, font: string, color = '#262626', align: CanvasTextAlign = 'left') => {
    if (!draw) return
    ctx.font = `${font} ${FONT}`
    ctx.fillStyle = color
    ctx.textAlign = align
    ctx.fillText(s, x, y)
  }
  let y = PAD + 64
  text('志愿服务记录证明', WIDTH / 2, y, 'bold 44px', RED, 'center')
  y += 44
  text(`编号：${c.no}`, WIDTH / 2, y, '22px', '#8c8c8c', 'center')
  y += 56
  ctx.font = `26px ${FONT}`
  for (const p of paragraphs(c)) {
    for (const line of wrap(ctx, `　　${p}`, inner)) {
      text(line, PAD, y, '26px')
      y += 44
    }
    y += 8
  }
  const rows = c.activities.slice(0, MAX_ROWS)
  if (rows.length) {
    y += 8
    text('日期', PAD, y, 'bold 22px', '#595959')
    text('活动', PAD + 160, y, 'bold 22px', '#595959')
    text('时长', WIDTH - PAD, y, 'bold 22px', '#595959', 'right')
    y += 40
    ctx.font = `22px ${FONT}`
    for (const a of rows) {
      const title = wrap(ctx, a.title, inner - 160 - 120)[0] ?? ''
      text(formatDay(a.date), PAD, y, '22px')
      text(title === a.title ? title : `${title.slice(0, -1)}…`, PAD + 160, y, '22px')
      text(`${hoursText(a.hours)} 小时`, WIDTH - PAD, y, '22px', '#262626', 'right')
      y += 38
    }
    if (c.activities.length > MAX_ROWS) {
      text(`另有 ${c.activities.length - MAX_ROWS} 次活动，凭编号查验可见累计时长`, PAD, y, '22px', '#8c8c8c')
      y += 38
    }
  }
  y += 24
  text('特此证明。', PAD, y, '26px')
  y += 72
  text(c.issuer, WIDTH - PAD, y, 'bold 26px', '#262626', 'right')
  y += 44
  text(formatFullDay(c.issuedAt), WIDTH - PAD, y, '24px', '#262626', 'right')
  y += 56
  text('凭编号可在「创文通 → 证明查验」中核验', WIDTH / 2, y, '20px', '#8c8c8c', 'center')
  return y + PAD
}

/** Sizes the canvas to the certificate and draws it. */
function paint(canvas: { width: number; height: number; getContext(type: '2d'): unknown }, c: Certificate) {
  const ctx = canvas.getContext('2d') as Ctx
  const height = layout(ctx, c, false)
  canvas.width = WIDTH * SCALE
  canvas.height = height * SCALE
  ctx.scale(SCALE, SCALE)
  ctx.fillStyle = '#fffdf8'
  ctx.fillRect(0, 0, WIDTH, height)
  ctx.strokeStyle = RED
  ctx.lineWidth = 3
  ctx.strokeRect(20, 20, WIDTH - 40, height - 40)
  ctx.lineWidth = 1
  ctx.strokeRect(28, 28, WIDTH - 56, height - 56)
  layout(ctx, c, true)
}

export const CANVAS_ID = 'vol-cert-canvas'

/**
 * H5: a PNG download. weapp: drawn on the page's hidden `<Canvas type="2d" id={CANVAS_ID}>`, turned into a file
 * and saved to the album (WeChat asks once for 保存到相册).
 */
export async function saveCertificate(c: Certificate): Promise<void> {
  const name = `志愿服务记录证明-${c.no}.png`
  if (process.env.TARO_ENV === 'h5') {
    const canvas = document.createElement('canvas')
    paint(canvas, c)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!blob) throw new Error('canvas gave no image')
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = name
    link.click()
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
    return
  }
  const node = await new Promise<Taro.Canvas>((resolve) =>
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true })
      .exec(([found]) => resolve(found.node))
  )
  paint(node as unknown as HTMLCanvasElement, c)
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: node } as Taro.canvasToTempFilePath.Option)
  await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath })
}
