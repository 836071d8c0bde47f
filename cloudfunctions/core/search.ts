/** What a person typed, taken literally: a RegExp both stores match strings with (keyword search). */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export const containing = (text: string) => new RegExp(literal(text))
export const endingWith = (text: string) => new RegExp(`${literal(text)}$`)
