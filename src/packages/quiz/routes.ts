/** The 知识答题 subpackage: people's quiz pages and the office's bank, quiz set-up and awareness figures. */
export const quizPackage = {
  root: 'packages/quiz',
  name: 'quiz',
  pages: ['home/index', 'profile/index', 'paper/index', 'result/index', 'wrong/index', 'office/index', 'bank/index', 'edit/index', 'units/index']
}
