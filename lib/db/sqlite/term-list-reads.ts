// Reads ranking lists on a worker thread (term-list-reads-worker.mjs), for the build to use a second core.
import 'server-only';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LIST_READ_SQL, type ListRead } from './term-impacts';

/** The worker's file, started by path, not bundled (as the PostgreSQL write worker is: sync-connection.ts). */
function workerFile(): string {
  const name = 'term-list-reads-worker.mjs';
  const candidates = [path.join(process.cwd(), 'lib', 'db', 'sqlite', name)];
  if (import.meta.url.startsWith('file:')) candidates.push(path.join(path.dirname(fileURLToPath(import.meta.url)), name));
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`The ranking-list worker is missing (looked for ${candidates.join(', ')}).`);
  return found;
}

/**
 * Each word's list read (at most `limit` best rows) from the committed database `file` on a worker
 * thread. `onRead` is told of each word as it arrives (for progress). Fails if the worker does.
 */
export function readListsOnWorker(file: string, words: string[], limit: number, onRead?: () => void): Promise<Map<string, ListRead>> {
  const reads = new Map<string, ListRead>();
  if (words.length === 0) return Promise.resolve(reads);
  return new Promise((resolve, reject) => {
    // execArgv []: plain JavaScript, none of the parent's loaders (tsx, hooks).
    const worker = new Worker(workerFile(), { workerData: { file, words, limit, sql: LIST_READ_SQL }, execArgv: [] });
    worker.on('message', ({ word, read }: { word: string; read: ListRead }) => {
      reads.set(word, read);
      onRead?.();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code === 0 && reads.size === words.length) resolve(reads);
      else reject(new Error(`The ranking-list worker stopped (exit code ${code}) after ${reads.size} of ${words.length} words.`));
    });
  });
}
