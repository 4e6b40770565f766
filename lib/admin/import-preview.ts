// The import preview: runs the importer on pasted text or an uploaded file and matches its speakers to the archive's,
// so the editor sees what would be made before anything is saved.
import 'server-only';
import { speakerNamed } from '@/lib/data/admin';
import { ImportError, type ImportResult, type SpeakerHint } from '@/lib/import';
import { parseTranscriptFile, type TranscriptFile } from '@/lib/import/formats';
import { importSizeProblem } from '@/lib/validation/limits';
import type { ImportableKind } from '@/lib/vocabulary';

export interface ImportRequest {
  raw: string;
  /** A file in a format other than plain text, as uploaded: its name and its bytes in base64. */
  fileName?: string;
  fileData?: string;
  kind?: ImportableKind;
  title?: string;
  /** "JK = Jeff Kim", one a line. */
  speakerLines?: string;
  /** Labels the editor marked as text, one a line. */
  textLabelLines?: string;
}

export interface SpeakerMatch {
  name: string;
  labels: string[];
  role: string;
  bio: string | null;
  /** The archive's speaker with this name or alias, if there is one. */
  existing: { id: number; name: string } | null;
}

export interface ImportPreview {
  result: ImportResult;
  speakers: SpeakerMatch[];
}

export function speakerHints(lines = ''): SpeakerHint[] {
  const hints = new Map<string, SpeakerHint>();
  for (const line of lines.split(/\r?\n/)) {
    const match = /^\s*([^=]+?)\s*=\s*(.+?)\s*$/.exec(line);
    if (!match) continue;
    const [, label, name] = match;
    const hint = hints.get(name) ?? { name, labels: [] };
    hint.labels!.push(label);
    hints.set(name, hint);
  }
  return [...hints.values()];
}

const lineList = (lines = '') =>
  lines
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The file the importer reads: the uploaded one when there is one, else the pasted text. */
function transcriptFileOf(request: ImportRequest): TranscriptFile {
  if (request.fileName && request.fileData) {
    // Only what a browser's base64 can hold: anything else was not made by the form.
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(request.fileData)) throw new ImportError(`The file ${request.fileName} came back damaged: upload it again.`);
    return { name: request.fileName, bytes: new Uint8Array(Buffer.from(request.fileData, 'base64')) };
  }
  return { name: '', bytes: new TextEncoder().encode(request.raw) };
}

export async function runImporter(request: ImportRequest): Promise<ImportResult> {
  const file = transcriptFileOf(request);
  const tooBig = importSizeProblem(file.bytes.length, file.name ? `The file ${file.name}` : 'The text');
  if (tooBig) throw new ImportError(tooBig);
  return parseTranscriptFile(file, {
    kind: request.kind,
    title: request.title || undefined,
    speakers: speakerHints(request.speakerLines),
    textLabels: lineList(request.textLabelLines),
  });
}

/** Why the result may not be saved yet, for the form; null when it may. */
export function unresolvedMessage(result: ImportResult, lead = 'Cannot be saved yet'): string | null {
  if (result.problems.length === 0) return null;
  const lines = result.problems.map((p) => `line ${p.line} ("${p.label}:")`).join(', ');
  return `${lead}: ${result.problems.length === 1 ? 'a line starts' : `${result.problems.length} lines start`} with a speaker label that is not known, so the words could belong to anyone: ${lines}. For each label, name its speaker or mark it as text, then preview again.`;
}

/** The importer's result for saving: refused while any unknown label is unresolved. */
export async function runImporterForSave(request: ImportRequest): Promise<ImportResult> {
  const result = await runImporter(request);
  const unresolved = unresolvedMessage(result, 'Not saved');
  if (unresolved) throw new ImportError(unresolved);
  return result;
}

/**
 * The editor's answers for unknown labels (`unknown-label-i` with `unknown-speaker-i` or
 * `unknown-text-i`) folded into the speaker and text-label lines the importer reads.
 */
export function resolveUnknownLabels(values: Record<string, string>): { speakerLines: string; textLabelLines: string; errors: string[] } {
  const speakerLines = lineList(values.speakers);
  const textLabels = lineList(values.textLabels);
  const errors: string[] = [];
  for (const key of Object.keys(values)
    .filter((k) => /^unknown-label-\d+$/.test(k))
    .sort()) {
    const i = key.slice('unknown-label-'.length);
    const label = (values[key] ?? '').trim();
    const speaker = (values[`unknown-speaker-${i}`] ?? '').trim();
    const asText = values[`unknown-text-${i}`] === 'yes';
    if (!label) continue;
    if (speaker && asText) errors.push(`"${label}:" is either a speaker or text, not both: clear one of them.`);
    else if (speaker) speakerLines.push(`${label} = ${speaker}`);
    else if (asText && !textLabels.includes(label)) textLabels.push(label);
  }
  return { speakerLines: speakerLines.join('\n'), textLabelLines: textLabels.join('\n'), errors };
}

export async function previewImport(request: ImportRequest): Promise<ImportPreview> {
  const result = await runImporter(request);
  const speakers = await Promise.all(
    result.speakers.map(async (s) => ({ name: s.name, labels: s.labels, role: s.role, bio: s.bio, existing: await speakerNamed(s.name) })),
  );
  return { result, speakers };
}
