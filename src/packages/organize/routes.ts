/** Organizers' and the office's volunteer-service pages; app.config.ts lists it. */
export const organizePackage = {
  root: 'packages/organize',
  name: 'organize',
  pages: ['list/index', 'edit/index', 'code/index', 'roster/index', 'stars/index', 'makeup/index']
}
