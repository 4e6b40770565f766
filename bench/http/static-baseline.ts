// The baseline: for each measured address, a static file holding its own body in public/_bench-static/,
// served by the same server (Next.js serves public/ itself, through the same request edge). Next reads
// the list of public files when it starts, so the files are written between two starts of the server.
//
// The address's own bytes, not filler of the same size: the client's cost per byte depends on what the
// bytes are. autocannon turns every body into a JavaScript string (`req.body += data`), and text with
// multi-byte UTF-8 characters costs it about ten times what ASCII does. The 563 KiB topic page of the
// 100,000-passage corpus (232 `…` among its bytes), sent by a plain Node server with res.end, came at
// ~170 requests a second at 10 connections; the same bytes with those characters made ASCII, at ~2,000.
// Against ASCII filler the page looked 2.3–2.7× slower than a static file when the client was the bound.
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

/**
 * The static stand-in for an address answered with `bodies` (one per path it was measured on): `bytes`
 * of them (their mean size), the bodies one after another and cut there. One path: its body itself.
 */
export function staticBody(bodies: readonly Buffer[], bytes: number): Buffer {
  return Buffer.concat(bodies).subarray(0, bytes);
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

  write(files: { name: string; body: Buffer; kind: 'html' | 'json' }[]): StaticFile[] {
    const buildId = path.join(this.root, '.next', 'BUILD_ID');
    if (!existsSync(buildId)) throw new Error('No build yet: start the server once before writing the baseline.');
    const before = new Date(statSync(buildId).mtimeMs - 1000);
    const publicTime = this.createdPublic ? before : statSync(this.publicDir).mtime;
    mkdirSync(this.dir, { recursive: true });
    const written = files.map(({ name, body, kind }) => {
      const file = path.join(this.dir, `${name}.${kind}`);
      writeFileSync(file, body);
      utimesSync(file, before, before);
      return { path: `/${STATIC_DIR}/${name}.${kind}`, bytes: body.length };
    });
    utimesSync(this.dir, before, before);
    utimesSync(this.publicDir, publicTime, publicTime);
    return written;
  }

  remove(): void {
    rmSync(this.createdPublic ? this.publicDir : this.dir, { recursive: true, force: true });
  }
}
