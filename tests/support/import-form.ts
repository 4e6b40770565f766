// The web import's form as its preview hands it back to the save (lib/admin/import-save): what the
// save tests post, each stating only the fields its case is about.

/** Every speaker the preview found marked new and every passage it found kept, then the fields given (which win). */
export function previewedImportForm(found: { speakers: number; passages: number }, fields: Record<string, string>): Record<string, string> {
  const each = (count: number, field: (i: number) => [string, string]) => Object.fromEntries(Array.from({ length: count }, (_, i) => field(i)));
  return {
    ...each(found.speakers, (i) => [`speaker-${i}`, 'new']),
    ...each(found.passages, (i) => [`keep-${i}`, 'yes']),
    ...fields,
  };
}

/** The fields that carry an uploaded file back to the save, which reads it again: its name and bytes (base64), no pasted text. */
export function carriedFile(fileName: string, bytes: Uint8Array | string): Record<string, string> {
  return { raw: '', fileName, fileData: Buffer.from(bytes).toString('base64') };
}
