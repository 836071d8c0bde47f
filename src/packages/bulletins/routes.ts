/** 通报与考核: the office's bulletins and editor, the units' reading of them, the monthly ranking and a unit's history; app.config.ts lists it. */
export const bulletinsPackage = {
  root: 'packages/bulletins',
  name: 'bulletins',
  pages: ['list/index', 'edit/index', 'view/index', 'ranking/index', 'unit/index']
}
