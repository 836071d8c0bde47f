/** The volunteers' 志愿服务 subpackage; app.config.ts lists it. */
export const volunteerPackage = {
  root: 'packages/volunteer',
  name: 'volunteer',
  pages: ['list/index', 'detail/index', 'register/index', 'mine/index', 'certificate/index', 'verify/index', 'stars/index']
}
