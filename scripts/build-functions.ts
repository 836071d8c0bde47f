/** `npm run build:functions`: one deployable folder per cloud function under dist/functions. */
import { buildFunctions } from './bundle-functions'

buildFunctions().catch((error) => {
  console.error(error)
  process.exit(1)
})
