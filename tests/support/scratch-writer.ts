// A scratch copy of a template database with a writer of its own, for the tests that change data:
// each call gets a fresh copy; every writer opened here is closed after each test.
import { afterEach } from 'vitest';
import { openWriter, type Writer, type WriterOptions } from '@/lib/db';
import { copyTemplateTarget } from './per-file-database';

const open: Writer[] = [];
afterEach(() => {
  for (const writer of open.splice(0)) writer.close();
});

/** A writer on a fresh copy of the seeded (default) or only migrated template. */
export function scratchWriter(options: WriterOptions & { template?: 'seededTemplate' | 'migratedTemplate' } = {}): Writer {
  const writer = openWriter(copyTemplateTarget(options.template ?? 'seededTemplate'), options);
  open.push(writer);
  return writer;
}

/** A scratch writer with the options every editorial function takes and its connection, for a test's helpers. */
export function scratch(options?: Parameters<typeof scratchWriter>[0]) {
  const writer = scratchWriter(options);
  return { writer, options: { writer }, db: writer.db };
}

/** A scratch writer that also counts the rows of the tables named, to show that a refusal wrote nothing. */
export function scratchCounting(tables: string[], options?: Parameters<typeof scratchWriter>[0]) {
  const t = scratch(options);
  const count = (table: string) => (t.db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
  return { ...t, rows: () => tables.map(count) };
}
