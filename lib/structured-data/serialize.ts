// JSON-LD as the text of a <script type="application/ld+json">: JSON whose characters can never end
// the script element or be read as markup. The HTML parser ends a script at "</script", so "<" is
// written as \u003c (with ">" and "&" for good measure); U+2028 and U+2029 are escaped so the text is
// also valid JavaScript, for tools that eval it. JSON.parse reads all of them back unchanged.
const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c]);
}
