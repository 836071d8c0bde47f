/** The residents' 随手拍 subpackage; app.config.ts lists it. */
export const reportPackage = {
  root: 'packages/report',
  name: 'report',
  pages: ['new/index', 'mine/index', 'detail/index', 'feed/index', 'inbox/index', 'points/index']
}
