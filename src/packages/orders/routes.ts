/** 督办单: the office's proposals, orders and issue form, and a unit's orders; app.config.ts lists it. */
export const ordersPackage = {
  root: 'packages/orders',
  name: 'orders',
  pages: ['list/index', 'issue/index', 'detail/index']
}
