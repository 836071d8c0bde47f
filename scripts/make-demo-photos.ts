/**
 * Draws the local runtime's demo photos (runtime/demo/*.jpg): simple street scenes for the seeded demo cases,
 * before and after. Run once when they change; the JPEGs are committed.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'

const scenes: Record<string, string> = {
  // Each scene is canvas code drawing on `c` (800x600).
  'manhole-before': `sky(); road(); c.fillStyle='#3b3b3b'; c.beginPath(); c.ellipse(400,420,150,60,0,0,7); c.fill(); c.fillStyle='#111'; c.beginPath(); c.moveTo(330,400); c.lineTo(470,390); c.lineTo(420,460); c.closePath(); c.fill(); cone(600,380)`,
  'manhole-after': `sky(); road(); c.fillStyle='#5a5a5a'; c.beginPath(); c.ellipse(400,420,150,60,0,0,7); c.fill(); c.strokeStyle='#777'; c.lineWidth=6; for(let i=-2;i<=2;i++){c.beginPath(); c.moveTo(300+i*10,420+i*22); c.lineTo(500+i*10,420+i*22); c.stroke()}`,
  'bikes-before': `sky(); road(); for(let i=0;i<6;i++) bike(140+i*95, 380+(i%2)*40, i%3?'#f5c400':'#2f9be8', i*0.5-1)`,
  'bikes-after': `sky(); road(); c.strokeStyle='#fff'; c.lineWidth=4; c.strokeRect(80,300,640,120); for(let i=0;i<6;i++) bike(130+i*105, 360, i%3?'#f5c400':'#2f9be8', 0)`,
  'ads-before': `wall(); const t=['办证','开锁','疏通','贷款','租房','招工']; for(let i=0;i<14;i++){c.save(); c.translate(60+(i*137)%680, 80+(i*89)%400); c.rotate((i%5-2)*0.08); c.fillStyle=['#fff8c6','#ffe1e1','#e1f0ff'][i%3]; c.fillRect(0,0,120,70); c.fillStyle='#c00'; c.font='bold 30px sans-serif'; c.fillText(t[i%6],14,45); c.restore()}`,
  'ads-after': `wall(); c.fillStyle='rgba(255,255,255,0.25)'; c.fillRect(40,60,720,460)`,
  'cable-before': `c.fillStyle='#d9dde3'; c.fillRect(0,0,800,600); c.fillStyle='#b8a58a'; c.fillRect(0,0,800,600); for(let f=0;f<4;f++){c.fillStyle='#8fb3d9'; for(let w=0;w<4;w++) c.fillRect(60+w*190,40+f*140,110,80)} c.strokeStyle='#222'; c.lineWidth=5; c.beginPath(); c.moveTo(170,120); c.bezierCurveTo(300,300,200,420,420,560); c.stroke(); c.fillStyle='#2a6'; c.fillRect(400,540,110,60)`,
  'cable-after': `c.fillStyle='#b8a58a'; c.fillRect(0,0,800,600); for(let f=0;f<4;f++){c.fillStyle='#8fb3d9'; for(let w=0;w<4;w++) c.fillRect(60+w*190,40+f*140,110,80)} c.fillStyle='#2a6'; c.fillRect(400,540,110,60)`
}

const helpers = `
const sky=()=>{const g=c.createLinearGradient(0,0,0,300); g.addColorStop(0,'#9cc9f0'); g.addColorStop(1,'#e6f1fa'); c.fillStyle=g; c.fillRect(0,0,800,300); c.fillStyle='#c9c2b6'; for(let i=0;i<5;i++) c.fillRect(i*170,120+(i%2)*40,150,180)};
const road=()=>{c.fillStyle='#8a8a8a'; c.fillRect(0,300,800,300); c.fillStyle='#bdbdbd'; c.fillRect(0,290,800,20)};
const wall=()=>{c.fillStyle='#d8cfc2'; c.fillRect(0,0,800,600); c.strokeStyle='#c4b9aa'; c.lineWidth=2; for(let y=0;y<600;y+=40){c.beginPath(); c.moveTo(0,y); c.lineTo(800,y); c.stroke()}};
const cone=(x,y)=>{c.fillStyle='#ff7a00'; c.beginPath(); c.moveTo(x,y-90); c.lineTo(x-40,y); c.lineTo(x+40,y); c.closePath(); c.fill(); c.fillStyle='#fff'; c.fillRect(x-22,y-50,44,12)};
const bike=(x,y,col,r)=>{c.save(); c.translate(x,y); c.rotate(r); c.strokeStyle='#222'; c.lineWidth=5; c.beginPath(); c.arc(-35,30,28,0,7); c.stroke(); c.beginPath(); c.arc(35,30,28,0,7); c.stroke(); c.strokeStyle=col; c.lineWidth=8; c.beginPath(); c.moveTo(-35,30); c.lineTo(0,-10); c.lineTo(35,30); c.moveTo(0,-10); c.lineTo(25,-25); c.stroke(); c.restore()};`

async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  const page = await browser.newPage()
  for (const [name, draw] of Object.entries(scenes)) {
    const data = await page.evaluate(`(() => { const el = document.createElement('canvas'); el.width = 800; el.height = 600; const c = el.getContext('2d'); ${helpers} ${draw}; return el.toDataURL('image/jpeg', 0.8) })()`)
    writeFileSync(path.resolve(__dirname, '..', 'runtime', 'demo', `${name}.jpg`), Buffer.from(String(data).split(',')[1], 'base64'))
  }
  await browser.close()
}

void main()
