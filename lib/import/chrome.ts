// Recognises site chrome captured with the text: form prompts, bylines, reading times, section lines, navigation.
import { bylineNames } from './names';
import { MONTH_PATTERN, stripMarkup, wordCount } from './text';

/** Header: before the body starts, where short headings and date lines are chrome too. */
export type Zone = 'header' | 'body';

const FORM_PROMPT = /^(?:please\s+)?(?:fill out|fill in|complete|submit)\b.{0,80}\bform\b/i;
const SIGN_UP =
  /^(?:subscribe|sign up|sign in|log in|register now|join our (?:newsletter|mailing list)|get (?:our|the) newsletter|download (?:the|our) (?:free )?report)\b/i;
const READING_TIME = /\b\d+\s*-?\s*min(?:ute)?s?\.?\s+read\b/i;
const NAVIGATION =
  /^(?:read more|read the full (?:story|article)|continue reading|share this(?: article| story| page| post)?|share on \w+|share|tweet|print|email this|advertisement|click here\b.*|follow us\b.*|back to top|leave a (?:comment|reply)|comments?|\d+ comments?|tags?:.*|filed under:?.*|skip to (?:main )?content|menu|search)[\s.:»›→>]*$/i;
const TAIL_MARKER =
  /^(?:up next|related|related articles?|related stories|related posts|related content|related reading|you (?:may|might) also like|recommended(?: for you)?|further reading|read next|more stories|more from [^.!?]{1,40}|most popular|most read|trending(?: now)?)(?:\s*:.*)?$/i;
const DATE_LINE = new RegExp(
  `^(?:(?:published|updated|posted|last updated)(?: on)?:?\\s+)?(?:${MONTH_PATTERN}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH_PATTERN}\\s+\\d{4}|${MONTH_PATTERN}\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})(?:,?\\s+\\d{1,2}:\\d{2}\\s*(?:[ap]\\.?m\\.?)?)?\\.?$`,
  'i',
);
const BYLINE = /^(?:(?:article|interview|story|essay|words|text|written|reported|posted|edited|compiled|interviewed|photos?|report)\s+)?by\s+(.+)$/i;

export interface Byline {
  names: string[];
}

/** "Article by Jeff Kim August 28, 2018 // 4 minute read", "By Jane Doe": the names it gives. */
export function parseByline(raw: string, zone: Zone): Byline | null {
  const text = stripMarkup(raw);
  if (wordCount(text) > 25) return null;
  const m = BYLINE.exec(text);
  if (!m || !m[1] || !/^\p{Lu}/u.test(m[1])) return null;
  const names = bylineNames(m[1]);
  if (names.length === 0) return null;
  // In the body "By Monday we had left." is prose; only a byline carrying a date or site furniture counts.
  if (zone === 'body' && !(DATE_IN_TEXT.test(text) || READING_TIME.test(text) || /\/\/|\|/.test(text))) return null;
  return { names };
}
const DATE_IN_TEXT = new RegExp(`${MONTH_PATTERN}\\s+(?:\\d{1,2},?\\s+)?\\d{4}|\\d{4}-\\d{2}-\\d{2}`);

export function isTailMarker(text: string): boolean {
  const bare = stripMarkup(text);
  return wordCount(bare) <= 15 && TAIL_MARKER.test(bare);
}

/** Segments like "Features | Politics | East Asia" or "Home > World > Asia": a breadcrumb, not prose. */
function isSectionLine(text: string): boolean {
  const pipes = text.split(/\s*\|\s*/);
  const arrows = text.split(/\s+[›»>]\s+/);
  const segments = pipes.length >= 2 ? pipes : arrows.length >= 3 ? arrows : null;
  if (!segments || wordCount(text) > 16) return false;
  return segments.every((s) => s.length > 0 && wordCount(s) <= 4 && /^[\p{Lu}\p{N}]/u.test(s) && !/[.!?]$/.test(s));
}

/** Why the block is site chrome, or null when it may be content. */
export function chromeReason(raw: string, zone: Zone): string | null {
  if (/^(?:[-*_•·~=]\s*){3,}$/.test(raw)) return 'separator';
  // "*By Jeff Kim*" or "### Recent Features" is the same chrome in Markdown clothes.
  const text = stripMarkup(raw);
  const words = wordCount(text);
  if (FORM_PROMPT.test(text) && words <= 30) return 'form prompt';
  if (SIGN_UP.test(text) && words <= 20) return 'form prompt';
  if (parseByline(text, zone)) return 'byline';
  if (READING_TIME.test(text) && words <= 10) return 'reading time';
  if (isSectionLine(text)) return 'section line';
  if (words <= 10 && (NAVIGATION.test(text) || TAIL_MARKER.test(text))) return 'navigation';
  if (zone === 'header' && DATE_LINE.test(text)) return 'date line';
  return null;
}

/** A line that never continues the line above it (so a block is split there). */
export function isStandaloneLine(text: string): boolean {
  return chromeReason(text, 'header') !== null;
}
