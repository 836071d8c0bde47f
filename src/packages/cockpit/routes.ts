/** The office's cockpit: its figures and the trend chart, whose charting library stays out of the main package; app.config.ts lists it. */
export const cockpitPackage = {
  root: 'packages/cockpit',
  name: 'cockpit',
  pages: ['index/index']
}
