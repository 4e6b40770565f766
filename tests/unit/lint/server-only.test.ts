// `import 'server-only'` on every server module, kept true for modules still to be written. Next's
// build fails when a client component reaches a module that starts with it; these rules make sure
// the modules that need it have it:
//  - a lib/ module that reaches the database, the file system, the request or a secret (it imports
//    `@/lib/db`, a driver, Prisma, Better Auth, argon2, next/headers or a node: builtin, even for a
//    type) starts with `import 'server-only'`;
//  - so does a lib/ module that imports such a module for a value: it cannot run in a browser either;
//  - and the other way round, no client component and no browser-test support code (Playwright loads
//    it in plain Node, where 'server-only' throws) reaches one.
// Scripts load the same modules through scripts/server-side.mjs, Vitest through its alias.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

// Modules that meet the rule's test but do not carry the line, each with its reason.
const ALLOWED_WITHOUT: { prefix: string; why: string }[] = [
  // Prisma's generated client: written by `prisma generate`, not by us.
  { prefix: 'lib/generated/', why: 'generated code' },
];

const SERVER_RESOURCE = /^(@\/lib\/db(\/|$)|@\/lib\/generated\/prisma\/|better-sqlite3$|pg$|@prisma\/|better-auth|@node-rs\/argon2$|next\/headers$|node:)/;

interface Module {
  file: string;
  marked: boolean;
  /** The first import is `import 'server-only'`. */
  markedFirst: boolean;
  imports: { specifier: string; resolved?: string; typeOnly: boolean }[];
  directive?: 'use client' | 'use server';
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((entry) => {
    const rel = path.posix.join(dir, entry);
    if (entry === 'node_modules' || entry === 'generated' || entry.startsWith('.')) return [];
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry) && !entry.endsWith('.d.ts') ? [rel] : [];
  });
}

function resolveLocal(specifier: string, from: string): string | undefined {
  const base = specifier.startsWith('@/') ? specifier.slice(2) : specifier.startsWith('.') ? path.posix.join(path.posix.dirname(from), specifier) : undefined;
  if (base === undefined) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((candidate) => {
    try {
      return statSync(path.join(ROOT, candidate)).isFile();
    } catch {
      return false;
    }
  });
}

function readModule(file: string): Module {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const imports: Module['imports'] = [];
  for (const statement of source.statements) {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || !statement.moduleSpecifier) continue;
    const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
    const typeOnly = ts.isExportDeclaration(statement)
      ? statement.isTypeOnly
      : Boolean(clause?.isTypeOnly || (clause && !clause.name && named?.length && named.every((element) => element.isTypeOnly)));
    imports.push({ specifier, resolved: resolveLocal(specifier, file), typeOnly });
  }
  const first = source.statements.find(ts.isExpressionStatement);
  const directive = first && ts.isStringLiteral(first.expression) && source.statements[0] === first ? first.expression.text : undefined;
  return {
    file,
    marked: imports.some((i) => i.specifier === 'server-only'),
    markedFirst: imports[0]?.specifier === 'server-only',
    imports,
    directive: directive === 'use client' || directive === 'use server' ? directive : undefined,
  };
}

const modules = new Map(['lib', 'app', 'components', 'tests/e2e'].flatMap(sourceFiles).map((file) => [file, readModule(file)]));
const lib = [...modules.values()].filter((m) => m.file.startsWith('lib/'));
const allowed = (file: string) => ALLOWED_WITHOUT.some((entry) => file.startsWith(entry.prefix));

/** Why a module must carry the line, or undefined. */
function serverReason(m: Module): string | undefined {
  const resource = m.imports.find((i) => SERVER_RESOURCE.test(i.specifier) || i.resolved?.startsWith('lib/db/'));
  if (resource) return `imports ${resource.specifier}`;
  const server = m.imports.find((i) => !i.typeOnly && i.resolved && modules.get(i.resolved)?.marked);
  if (server) return `imports ${server.specifier}, a server module`;
  return undefined;
}

/** Every module a set of entry points loads at run time (value imports; a 'use server' file is a reference, not loaded). */
function reachedFrom(entries: Module[]): Module[] {
  const seen = new Map<string, Module>();
  const stack = [...entries];
  while (stack.length > 0) {
    const m = stack.pop()!;
    if (seen.has(m.file)) continue;
    seen.set(m.file, m);
    for (const i of m.imports) {
      const next = !i.typeOnly && i.resolved ? modules.get(i.resolved) : undefined;
      if (next && next.directive !== 'use server') stack.push(next);
    }
  }
  return [...seen.values()];
}

describe("'server-only' on every server module", () => {
  it('finds the modules it judges (the walk is not empty)', () => {
    expect(lib.length).toBeGreaterThan(100);
    expect(serverReason(modules.get('lib/admin/action-state.ts')!)).toBe('imports @/lib/editorial, a server module');
    expect(serverReason(modules.get('lib/db/client.ts')!)).toMatch(/^imports /);
    expect(serverReason(modules.get('lib/vocabulary.ts')!)).toBeUndefined();
  });

  it('marks every lib/ module that reaches the database, files, the request or a secret, or imports a module that does', () => {
    const missing = lib
      .filter((m) => !m.marked && !allowed(m.file))
      .flatMap((m) => {
        const reason = serverReason(m);
        return reason ? [`${m.file} ${reason}`] : [];
      });
    expect(missing, "add `import 'server-only';` as the first import, or put the module on ALLOWED_WITHOUT with a reason").toEqual([]);
  });

  it("puts `import 'server-only'` first, before anything that could run", () => {
    expect(lib.filter((m) => m.marked && !m.markedFirst).map((m) => m.file)).toEqual([]);
  });

  it('no client component and no browser-test support code loads a server module', () => {
    const clients = [...modules.values()].filter((m) => m.directive === 'use client' || m.file.startsWith('tests/e2e/'));
    expect(clients.length).toBeGreaterThan(5);
    expect(
      reachedFrom(clients)
        .filter((m) => m.marked)
        .map((m) => m.file),
    ).toEqual([]);
  });
});
