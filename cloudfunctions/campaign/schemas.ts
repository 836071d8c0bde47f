import { z } from 'zod'

export const noPayload = z.strictObject({})
