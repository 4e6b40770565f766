// Reads the optional YAML front matter ("---" … "---" at the very top) into meta, kind and speaker hints.
import { parse } from 'yaml';
import { WEB_ADDRESS_MESSAGE, webAddressSchema } from '@/lib/validation/web-address';
import { ImportError } from './errors';
import { normalizeLine } from './normalize';
import { isPartialDate } from './text';
import type { ImportKind, ImportMeta, ImportRole, SpeakerHint } from './types';

export interface FrontMatter {
  meta: ImportMeta;
  kind?: ImportKind;
  caption?: string;
  speakers: SpeakerHint[];
  /** Index (0-based) of the first raw line after the front matter. */
  bodyStart: number;
}

const TEXT_KEYS: Record<string, keyof ImportMeta> = {
  title: 'title',
  subtitle: 'subtitle',
  summary: 'summary',
  publisher: 'publisher',
  source: 'sourceUrl',
  sourceUrl: 'sourceUrl',
  language: 'language',
};
const ROLE_KEYS: ImportRole[] = ['interviewer', 'interviewee', 'author'];
const HANDLED = new Set([...Object.keys(TEXT_KEYS), ...ROLE_KEYS, 'date', 'kind', 'caption', 'speakers']);

export function readFrontMatter(rawLines: string[]): FrontMatter {
  if ((rawLines[0] ?? '').trim() !== '---') return { meta: {}, speakers: [], bodyStart: 0 };
  const close = rawLines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (close < 0) {
    throw new ImportError('front matter opened by "---" on line 1 is never closed by a "---" line', 1);
  }
  const data = parseYaml(rawLines.slice(1, close).join('\n'));
  const fm: FrontMatter = { meta: {}, speakers: [], bodyStart: close + 1 };

  for (const [key, value] of Object.entries(data)) {
    if (value === null || value === undefined) continue;
    const metaKey = TEXT_KEYS[key];
    if (metaKey === 'sourceUrl') fm.meta.sourceUrl = webAddress(key, value);
    else if (metaKey) fm.meta[metaKey] = text(key, value);
    else if (!HANDLED.has(key)) fm.meta[key] = value;
  }
  if (data.date !== undefined && data.date !== null) fm.meta.date = date(data.date);
  if (data.caption !== undefined && data.caption !== null) fm.caption = text('caption', data.caption);
  if (data.kind !== undefined && data.kind !== null) fm.kind = kind(data.kind);
  if (data.speakers !== undefined && data.speakers !== null) fm.speakers.push(...speakers(data.speakers));
  for (const role of ROLE_KEYS) {
    const value = data[role];
    if (value === undefined || value === null) continue;
    for (const name of Array.isArray(value) ? value : [value]) {
      fm.speakers.push({ name: text(role, name), role });
    }
  }
  return fm;
}

function parseYaml(source: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = parse(source, { logLevel: 'error' });
  } catch (error) {
    const first = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    const message = first.replace(/\s+at line \d+, column \d+:?\s*$/, '');
    const pos = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    // YAML counts from the line after the opening "---"; the error names the line of the file.
    const line = pos === undefined ? undefined : pos + 1;
    throw new ImportError(`invalid front matter YAML${line === undefined ? '' : ` at line ${line}`}: ${message}`, line);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ImportError('invalid front matter: it must be a YAML mapping of keys (title:, date:, speakers: …)', 2);
  }
  return data as Record<string, unknown>;
}

function text(key: string, value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') {
    const s = String(value).split('\n').map(normalizeLine).join('\n').trim();
    if (s) return s;
  }
  throw new ImportError(`invalid front matter: "${key}" must be non-empty text`);
}

/** The source address, by the same http(s)-only rule as every other boundary. */
function webAddress(key: string, value: unknown): string {
  const parsed = webAddressSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const got = typeof value === 'string' ? ` (got ${JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value)})` : '';
  throw new ImportError(`invalid front matter: "${key}" ${parsed.error.issues[0]?.message ?? WEB_ADDRESS_MESSAGE}${got}`);
}

function date(value: unknown): string {
  const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!isPartialDate(s)) {
    throw new ImportError(`invalid front matter: date must be YYYY, YYYY-MM or YYYY-MM-DD (got ${JSON.stringify(value)})`);
  }
  return s;
}

function kind(value: unknown): ImportKind {
  if (value === 'interview' || value === 'essay') return value;
  throw new ImportError(`invalid front matter: kind must be "interview" or "essay" (got ${JSON.stringify(value)})`);
}

function role(value: unknown, who: string): ImportRole | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === 'interviewer' || value === 'interviewee' || value === 'author') return value;
  throw new ImportError(`invalid front matter: role of "${who}" must be interviewer, interviewee or author (got ${JSON.stringify(value)})`);
}

function labels(value: unknown, who: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  return list.map((l) => text(`labels of ${who}`, l));
}

/** `speakers:` is either a list of `{ name, labels, role }` (or bare names) or a map label → name. */
function speakers(value: unknown): SpeakerHint[] {
  if (Array.isArray(value)) {
    return value.map((item) => {
      if (typeof item === 'string') return { name: text('speakers', item) };
      if (item && typeof item === 'object' && 'name' in item) {
        const record = item as Record<string, unknown>;
        const name = text('speakers name', record.name);
        return hint(name, labels(record.labels ?? record.label, name), role(record.role, name));
      }
      throw new ImportError('invalid front matter: each item of "speakers" needs a name');
    });
  }
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([label, target]) => {
      if (typeof target === 'string') return { name: text(`speakers.${label}`, target), labels: [label] };
      if (target && typeof target === 'object' && 'name' in target) {
        const record = target as Record<string, unknown>;
        const name = text(`speakers.${label}.name`, record.name);
        return hint(name, [label, ...(labels(record.labels, name) ?? [])], role(record.role, name));
      }
      throw new ImportError(`invalid front matter: speakers.${label} must be a name`);
    });
  }
  throw new ImportError('invalid front matter: "speakers" must be a list of speakers or a map of label: name');
}

function hint(name: string, labelList: string[] | undefined, speakerRole: ImportRole | undefined): SpeakerHint {
  const h: SpeakerHint = { name };
  if (labelList) h.labels = labelList;
  if (speakerRole) h.role = speakerRole;
  return h;
}
