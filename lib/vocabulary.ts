// The archive's closed vocabularies, each written once. Plain constants without zod, because client
// components import them (zod 4's eval probe in a client bundle trips the nonce CSP); the zod enums in
// lib/validation are built from these lists, so a value added here is accepted everywhere at once.
export const DOCUMENT_KINDS = ['interview', 'essay', 'speech', 'testimony'] as const;
export const PASSAGE_KINDS = ['question', 'answer', 'paragraph'] as const;
export const PARTICIPANT_ROLES = ['interviewer', 'interviewee', 'author', 'translator', 'editor'] as const;
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export const USER_ROLES = ['editor', 'admin'] as const;
export const DOCUMENT_STATUSES = ['draft', 'published'] as const;
/** The kinds an importer can detect from a transcript's shape. */
export const IMPORTABLE_KINDS = ['interview', 'essay'] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type PassageKind = (typeof PASSAGE_KINDS)[number];
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export type UserRole = (typeof USER_ROLES)[number];
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export type ImportableKind = (typeof IMPORTABLE_KINDS)[number];

/** Whether `value` is one of `values`, narrowing it: for reading a form field or a query parameter. */
export function isOneOf<const T extends readonly string[]>(values: T, value: unknown): value is T[number] {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** Options for a select: the values themselves, capitalised for the label. */
export function optionsOf(values: readonly string[]): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: value.charAt(0).toUpperCase() + value.slice(1) }));
}
