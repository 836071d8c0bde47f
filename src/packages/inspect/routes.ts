/** The 督查 subpackage: the office's points and rounds, the inspector's day and visit form; app.config.ts lists it. */
export const inspectPackage = {
  root: 'packages/inspect',
  name: 'inspect',
  pages: ['points/index', 'rounds/index', 'round/index', 'today/index', 'visit/index']
}
