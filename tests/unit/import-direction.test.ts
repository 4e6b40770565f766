// Imports point down, app → components → lib: a form lives beside the action it posts to (in the
// route's _components/), and a generic component gets its action as a prop. Read from the code itself.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry) ? [full] : [];
  });
}

/** Every module a file imports, as written. */
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);

function upwardImports(dir: string, forbidden: RegExp): string[] {
  return sourceFiles(dir).flatMap((file) => importsOf(file).filter((target) => forbidden.test(target)).map((target) => `${file} imports ${target}`));
}

describe('import direction', () => {
  it('components/ never imports from app/', () => {
    expect(upwardImports('components', /^@\/app\//)).toEqual([]);
  });

  it('lib/ never imports from app/ or components/', () => {
    expect(upwardImports('lib', /^@\/(app|components)\//)).toEqual([]);
  });

  it('a route group never imports from another one', () => {
    const crossing = sourceFiles('app').flatMap((file) => {
      const group = /app\/(\([^)]+\))/.exec(file.split(path.sep).join('/'))?.[1];
      return importsOf(file)
        .filter((target) => /^@\/app\/\(/.test(target) && group && !target.startsWith(`@/app/${group}`))
        .map((target) => `${file} imports ${target}`);
    });
    expect(crossing).toEqual([]);
  });

  it('finds an upward import when there is one', () => {
    // The check itself: the route files do import their own actions, so the rule would see them.
    expect(upwardImports('app', /\/actions$/).length).toBeGreaterThan(0);
  });
});
