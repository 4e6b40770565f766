// Recognises photo captions: loosely before the body, only with a photo credit inside it.
import { MONTH_PATTERN, wordCount } from './text';

const AGENCY = /\((?:AP|AFP|KCNA|Reuters|Getty Images|Yonhap|EPA|Xinhua|Bloomberg|UPI)(?:[ /][^)]*)?\)/;
const CREDIT = /\b(?:AP Photo|Getty Images|Photo credit|Photo courtesy|Photo by|Photograph by|Image courtesy)\b/i;
const CREDIT_START = /^(?:photo|photograph|image|picture|pictured|above|top|left|right|below|caption)\s*(?:by|credit|courtesy)?\s*[:(–—]/i;
const IN_THIS_PHOTO = /\bin this (?:undated |file |handout |recent )?(?:photo|picture|image)\b/i;
const WEAK_CUE = /\b(?:photo(?:graph)?s?|pictured|courtesy|image)\b/i;
const AGENCY_NAME = /\b(?:AP|AFP|Reuters|Getty|KCNA|Shutterstock|Yonhap)\b/;
// "Seongmin Lee with President and Mrs. Bush at Spirit of Liberty in New York City, October 2017."
const NAME_WITH_AT = new RegExp(
  `^\\p{Lu}[\\p{L}'’.-]*(?: \\p{Lu}[\\p{L}'’.-]*){0,3} (?:with|and|speaks|meets|greets|during|at)\\b.*\\b(?:at|in|during)\\b.*,\\s+${MONTH_PATTERN}\\s+\\d{4}\\.?$`,
  'u',
);

/** A caption among the paragraphs before the body, where the page puts its lead photo. */
export function isHeaderCaption(text: string): boolean {
  if (wordCount(text) > 60) return false;
  return isBodyCaption(text) || WEAK_CUE.test(text) || AGENCY_NAME.test(text) || NAME_WITH_AT.test(text);
}

/** A caption inside the body: testimony mentions photos, so only a credit or "in this photo" counts. */
export function isBodyCaption(text: string): boolean {
  if (wordCount(text) > 50) return false;
  return AGENCY.test(text) || CREDIT.test(text) || CREDIT_START.test(text) || IN_THIS_PHOTO.test(text);
}
