/** The office's and departments' subpackage; app.config.ts lists it. */
export const staffPackage = {
  root: 'packages/staff',
  name: 'staff',
  pages: ['triage/index', 'ledger/index', 'case/index', 'queue/index', 'settings/index']
}
