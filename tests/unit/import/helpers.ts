// Shared helpers for the importer tests: reading the seed texts and catching ImportError.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ImportError } from '@/lib/import';

export const INTERVIEW_FILE = '000_cb40de5809399bf6.txt';
export const ESSAY_FILE = '003_0414c9627de2d993.txt';

/** The seed texts live in seed/ once copied there, and in ../shared/seeds/ before that. */
export function readSeed(file: string): string {
  const local = path.resolve(process.cwd(), 'seed', file);
  const shared = path.resolve(process.cwd(), '../shared/seeds', file);
  return readFileSync(existsSync(local) ? local : shared, 'utf8');
}

/** The thrown error, asserted to be an ImportError. */
export function importErrorOf(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError, but nothing was thrown');
}

/** The normalisation the importer may apply, written independently of it. */
export function allowedNormalisation(paragraph: string): string {
  return paragraph
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
