// The import preview: runs the importer on pasted text and matches its speakers to the archive's,
// so the editor sees what would be made before anything is saved.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { ImportError, parseDocumentText, type ImportResult, type SpeakerHint } from '@/lib/import';

export const MAX_IMPORT_CHARACTERS = 2_000_000;

export interface ImportRequest {
  raw: string;
  kind?: 'interview' | 'essay';
  title?: string;
  /** "JK = Jeff Kim", one a line. */
  speakerLines?: string;
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

export function runImporter(request: ImportRequest): ImportResult {
  if (request.raw.length > MAX_IMPORT_CHARACTERS) throw new ImportError('The text is longer than the importer takes (2 million characters).');
  return parseDocumentText(request.raw, { kind: request.kind, title: request.title || undefined, speakers: speakerHints(request.speakerLines) });
}

export async function previewImport(request: ImportRequest): Promise<ImportPreview> {
  const result = runImporter(request);
  const speakers = await Promise.all(
    result.speakers.map(async (s) => {
      const existing = await prisma.speaker.findFirst({
        where: { OR: [{ name: s.name }, { aliases: { some: { alias: s.name } } }] },
        select: { id: true, name: true },
      });
      return { name: s.name, labels: s.labels, role: s.role, bio: s.bio, existing };
    }),
  );
  return { result, speakers };
}
