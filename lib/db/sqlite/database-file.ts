// Turns a SQLite DATABASE_URL ("file:./data/archive.db") into an absolute file path.
import 'server-only';
import path from 'node:path';

export function databaseFilePath(url: string, cwd: string = process.cwd()): string {
  if (!url.startsWith('file:')) throw new Error(`Not a SQLite file URL: ${url}`);
  const filePart = url
    .slice('file:'.length)
    .replace(/^\/\/(?=\/)/, '')
    .split('?')[0];
  if (!filePart) throw new Error(`No file in database URL: ${url}`);
  return path.resolve(cwd, filePart);
}
