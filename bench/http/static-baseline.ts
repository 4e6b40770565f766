// The baseline: for each measured address, a static file of the same size in public/_bench-static/,
// served by the same server (Next.js serves public/ itself, through the same request edge). Next reads
// the list of public files when it starts, so the files are written between two starts of the server.
//
// public/ is one of the sources scripts/build-freshness.ts watches: the files (and the folders they
// change) get the build's own time less a second, so writing them does not make `npm start` rebuild.
// They are removed afterwards, with public/ itself when the benchmark created it.
import { existsSync, mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const STATIC_DIR = '_bench-static';

export interface StaticFile {
  /** Its address on the server. */
  path: string;
  bytes: number;
}

/** Bytes of a given length that look like the response they stand in for. */
export function staticBody(bytes: number, kind: 'html' | 'json'): Buffer {
  const head = kind === 'html' ? '<!doctype html><html lang="en"><title>static baseline</title><body><p>' : '{"padding":"';
  const tail = kind === 'html' ? '</p></body></html>\n' : '"}\n';
  const room = Math.max(0, bytes - head.length - tail.length);
  const words = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ';
  return Buffer.from(head + words.repeat(Math.ceil(room / words.length)).slice(0, room) + tail);
}

export class StaticBaseline {
  private readonly publicDir: string;
  private readonly dir: string;
  private readonly createdPublic: boolean;

  constructor(private readonly root: string) {
    this.publicDir = path.join(root, 'public');
    this.dir = path.join(this.publicDir, STATIC_DIR);
    this.createdPublic = !existsSync(this.publicDir);
  }

  write(files: { name: string; bytes: number; kind: 'html' | 'json' }[]): StaticFile[] {
    const buildId = path.join(this.root, '.next', 'BUILD_ID');
    if (!existsSync(buildId)) throw new Error('No build yet: start the server once before writing the baseline.');
    const before = new Date(statSync(buildId).mtimeMs - 1000);
    const publicTime = this.createdPublic ? before : statSync(this.publicDir).mtime;
    mkdirSync(this.dir, { recursive: true });
    const written = files.map(({ name, bytes, kind }) => {
      const file = path.join(this.dir, `${name}.${kind}`);
      writeFileSync(file, staticBody(bytes, kind));
      utimesSync(file, before, before);
      return { path: `/${STATIC_DIR}/${name}.${kind}`, bytes };
    });
    utimesSync(this.dir, before, before);
    utimesSync(this.publicDir, publicTime, publicTime);
    return written;
  }

  remove(): void {
    rmSync(this.createdPublic ? this.publicDir : this.dir, { recursive: true, force: true });
  }
}
