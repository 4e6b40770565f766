// The one export of `stopword` (v3, no types of its own) that search uses.
declare module 'stopword' {
  /** English stop words, lower case. */
  export const eng: readonly string[];
}
