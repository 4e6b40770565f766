// The layers import one way (app → components → lib) and route groups do not import each other:
// the lint rule that enforces it must fail on each kind of wrong import and pass on the right ones.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedPathErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'import/no-restricted-paths').map((m) => m.message);
}

const useIt = (name: string) => `\nexport const used = ${name};\n`;

describe('import direction', () => {
  it('refuses a lib module importing from app/', async () => {
    const errors = await restrictedPathErrors('lib/data/upward.ts', `import { GET } from '@/app/api/health/route';${useIt('GET')}`);
    expect(errors).toEqual([expect.stringContaining('lib/ must not import from app/')]);
  });

  it('refuses a lib module importing from components/', async () => {
    const errors = await restrictedPathErrors('lib/data/upward.ts', `import { SubmitButton } from '@/components/form/submit-button';${useIt('SubmitButton')}`);
    expect(errors).toEqual([expect.stringContaining('lib/ must not import from components/')]);
  });

  it('refuses a component importing from a route, relative paths too', async () => {
    const errors = await restrictedPathErrors('components/form/upward.tsx', `import { GET } from '../../app/api/health/route';${useIt('GET')}`);
    expect(errors).toEqual([expect.stringContaining('components/ must not import from app/')]);
  });

  it('refuses one route group importing from another', async () => {
    const errors = await restrictedPathErrors('app/(admin)/admin/sideways.tsx', `import Page from '@/app/(public)/page';${useIt('Page')}`);
    expect(errors).toEqual([expect.stringContaining('sibling route group app/(public)')]);
  });

  it('accepts the downward imports', async () => {
    const code = `import { SubmitButton } from '@/components/form/submit-button';\nimport { DOCUMENT_KINDS } from '@/lib/vocabulary';${useIt('[SubmitButton, DOCUMENT_KINDS]')}`;
    expect(await restrictedPathErrors('app/(public)/downward.tsx', code)).toEqual([]);
    expect(await restrictedPathErrors('components/downward.tsx', `import { DOCUMENT_KINDS } from '@/lib/vocabulary';${useIt('DOCUMENT_KINDS')}`)).toEqual([]);
  });
});
