// Gives each test file its own copy of the seeded database before any app module reads DATABASE_URL.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';

export function copyTemplate(which: 'migratedTemplate' | 'seededTemplate'): string {
  const template = inject(which);
  const file = path.join(path.dirname(template), `${which}-${randomUUID()}.db`);
  copyFileSync(template, file);
  return file;
}

process.env.DATABASE_URL = `file:${copyTemplate('seededTemplate')}`;
