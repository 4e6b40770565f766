// Server actions as a hostile client sees them: every 'use server' export read from the code, its id
// in the build, and a call encoded exactly as React's client does. Shared by the security and fuzz specs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { queryE2e } from './e2e-database';

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry) ? [full] : [];
  });
}

/**
 * How many arguments each action takes: one (a form's FormData) or two (useActionState's previous
 * state, then the FormData). The call below must match, or it would never reach the action's body.
 */
export function actionArity(): Map<string, number> {
  const arity = new Map<string, number>();
  for (const file of ['app', 'lib'].flatMap(sourceFiles)) {
    const source = readFileSync(file, 'utf8');
    if (!/^\s*['"]use server['"]/.test(source)) continue;
    for (const match of source.matchAll(/export\s+async\s+function\s+(\w+)\s*\(([^)]*)\)/g)) {
      arity.set(`${file.split(path.sep).join('/')}#${match[1]}`, match[2].split(',').filter((p) => p.trim()).length);
    }
  }
  return arity;
}

/** Every exported function of every 'use server' file: the server actions, read from the code itself. */
export function actionsInSource(): string[] {
  return [...actionArity().keys()];
}

export interface ManifestAction {
  /** "<file>#<export>", as in actionsInSource(). */
  key: string;
  id: string;
  /** A page the action is reachable from (dynamic segments filled with 1). */
  pagePath: string;
}

/** The build's own list of action ids, with a page each is reachable from. */
export function actionsInBuild(): ManifestAction[] {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0];
    const pagePath = `/${worker}`
      .replace(/\/page$/, '')
      .replace(/\/\([^)]+\)/g, '')
      .replace(/\[[^\]]+\]/g, '1');
    return { key: `${entry.filename}#${entry.exportedName}`, id, pagePath: pagePath || '/' };
  });
}

/** The action whose key ends with `suffix` ("admin/entity-actions.ts#createSpeakerAction"); throws when there is none. */
export function actionNamed(suffix: string, actions = actionsInBuild()): ManifestAction {
  const found = actions.find((a) => a.key.endsWith(suffix));
  if (!found) throw new Error(`No server action ${suffix} in the build`);
  return found;
}

/**
 * Everything an action could change, in one string: equal before and after means nothing was written.
 * Read through lib/db (e2e-database.ts), in statements both engines answer alike, on the e2e server's
 * database, whichever engine it runs on; the server keeps writing through its own connections.
 */
export async function fingerprint(): Promise<string> {
  const [totals] = await queryE2e(
    `SELECT
       (SELECT count(*) FROM Passage) AS passages,
       (SELECT coalesce(sum(length(text)), 0) FROM Passage) AS passageChars,
       (SELECT count(*) FROM PassageTopic) AS tags,
       (SELECT count(*) FROM Speaker) AS speakers,
       (SELECT coalesce(sum(version), 0) FROM Speaker) AS speakerVersions,
       (SELECT count(*) FROM SpeakerAlias) AS aliases,
       (SELECT count(*) FROM Topic) AS topics,
       (SELECT coalesce(sum(version), 0) FROM Topic) AS topicVersions,
       (SELECT count(*) FROM Participant) AS participants,
       (SELECT count(*) FROM Revision) AS revisions,
       (SELECT count(*) FROM AuditEvent WHERE action NOT LIKE 'sign-%') AS audit`,
  );
  // Row by row where a status or a flag can change without any count changing.
  const documents = await queryE2e('SELECT id, version, status, deletedAt FROM Document ORDER BY id');
  const users = await queryE2e('SELECT id, role, disabled FROM User ORDER BY id');
  return JSON.stringify({ totals, documents, users });
}

/** A value of a form field: text, or a file (a browser sends both in the same multipart body). */
export type FieldValue = string | { name: string; mimeType: string; buffer: Buffer };

export interface CallOptions {
  headers?: Record<string, string>;
  /** Form fields, in the order sent; a repeated name is sent once per entry. */
  fields?: [string, FieldValue][] | Record<string, string>;
  /** Part "0" as sent: the arguments, JSON. Default: what React sends for this action's arity. */
  args?: string;
}

/** The arguments React's client sends for an action of this arity: the form is "$K1". */
export function defaultArgs(action: ManifestAction): string {
  return JSON.stringify((actionArity().get(action.key) ?? 1) === 2 ? [{}, '$K1'] : ['$K1']);
}

/**
 * Calls an action the way React's client does (encodeReply): part "0" holds the arguments as JSON,
 * a FormData argument is "$K1", its fields sent first as "_1_<name>".
 */
export async function callAction(request: APIRequestContext, action: ManifestAction, options: CallOptions = {}) {
  const fields = Array.isArray(options.fields) ? options.fields : Object.entries(options.fields ?? {});
  // Playwright's multipart option takes one value a name; an array body keeps repeats and order.
  const boundary = `----fuzz${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  const part = (name: string, value: FieldValue) => {
    const disposition =
      typeof value === 'string'
        ? `Content-Disposition: form-data; name="${name}"\r\n\r\n`
        : `Content-Disposition: form-data; name="${name}"; filename="${value.name}"\r\nContent-Type: ${value.mimeType}\r\n\r\n`;
    parts.push(Buffer.from(`--${boundary}\r\n${disposition}`), typeof value === 'string' ? Buffer.from(value, 'utf8') : value.buffer, Buffer.from('\r\n'));
  };
  // The order matters: the decoder reads the form's fields before the arguments that refer to them.
  for (const [name, value] of fields) part(`_1_${name}`, value);
  part('0', options.args ?? defaultArgs(action));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return request.post(action.pagePath, {
    headers: { 'Next-Action': action.id, Accept: 'text/x-component', 'Content-Type': `multipart/form-data; boundary=${boundary}`, ...options.headers },
    data: Buffer.concat(parts),
    maxRedirects: 0,
  });
}
