import { CIVILITY_OFFICE, type Category, type Department } from '../../types/domain'

/** 责任单位 a prefecture-level city typically assigns campaign problems to. */
export const DEPARTMENTS: Department[] = [
  { _id: 'dept-cg', name: '市城市管理局', short: '城管局', order: 1 },
  { _id: 'dept-zj', name: '市住房和城乡建设局', short: '住建局', order: 2 },
  { _id: 'dept-jj', name: '市公安局交通警察支队', short: '交警支队', order: 3 },
  { _id: 'dept-ga', name: '市公安局治安管理支队', short: '治安支队', order: 4 },
  { _id: 'dept-sj', name: '市市场监督管理局', short: '市场监管局', order: 5 },
  { _id: 'dept-sw', name: '市水务局', short: '水务局', order: 6 },
  { _id: 'dept-yl', name: '市园林绿化中心', short: '园林中心', order: 7 },
  { _id: 'dept-gx', name: '市通信发展管理办公室', short: '通信办', order: 8 },
  { _id: 'dept-jd', name: '属地街道办事处', short: '街道办', order: 9 },
  { _id: CIVILITY_OFFICE, name: '市文明办', short: '文明办', order: 10 }
]

type Kind = [name: string, departmentId: string, deadlineDays: number]

/** The starting taxonomy from DESIGN.md §2: group -> kinds, each with a default department and deadline. */
const TREE: [group: string, kinds: Kind[]][] = [
  ['市容环境', [
    ['小广告"牛皮癣"', 'dept-cg', 2], ['违规门头店招', 'dept-cg', 5], ['流动摊贩', 'dept-cg', 1], ['占道/店外经营', 'dept-cg', 1],
    ['乱搭乱建', 'dept-zj', 10], ['乱涂乱画', 'dept-cg', 3], ['暴露垃圾', 'dept-cg', 1], ['破损公益广告', 'dept-wm', 5]
  ]],
  ['市政设施', [
    ['井盖破损/缺失', 'dept-zj', 1], ['路面坑洼', 'dept-zj', 5], ['路灯不亮', 'dept-cg', 3], ['交通护栏损坏', 'dept-jj', 5],
    ['指示牌破损', 'dept-jj', 5], ['下水道堵塞', 'dept-sw', 2], ['"蜘蛛网"线缆', 'dept-gx', 10]
  ]],
  ['交通秩序', [
    ['共享单车乱停放', 'dept-cg', 1], ['机动车乱停', 'dept-jj', 1], ['电动车违规("三车")', 'dept-jj', 3], ['行人闯红灯', 'dept-jj', 3]
  ]],
  ['小区院落', [
    ['楼道堆物', 'dept-jd', 3], ['飞线充电', 'dept-jd', 1], ['高空悬物', 'dept-jd', 2], ['圈地种植养殖', 'dept-jd', 7], ['卫生脏乱差', 'dept-jd', 2]
  ]],
  ['文明养犬', [['遛狗不牵绳', 'dept-ga', 3], ['流浪犬', 'dept-ga', 3]]],
  ['园林绿化', [['缺株断档', 'dept-yl', 15], ['绿地破坏', 'dept-yl', 7]]],
  ['其他不文明行为', [['其他不文明行为', 'dept-wm', 5]]]
]

export const CATEGORIES: Category[] = TREE.flatMap(([group, kinds], g) => {
  const groupId = `g${g + 1}`
  return [
    { _id: groupId, name: group, parentId: null, order: g + 1 },
    ...kinds.map(([name, departmentId, deadlineDays], k) => ({
      _id: `${groupId}-${String(k + 1).padStart(2, '0')}`,
      name,
      parentId: groupId,
      order: k + 1,
      departmentId,
      deadlineDays
    }))
  ]
})
