// Issue 7, defect 6: a `javascript:` source address was accepted from front matter and served. One
// http(s)-only schema now guards every boundary that takes a source address, and the read side.
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '@/lib/import';
import { documentFieldsSchema, updateDocumentSchema } from '@/lib/validation/editorial';
import { importCliOptionsSchema } from '@/lib/validation/import-options';
import { seedMetadataSchema } from '@/lib/validation/seed-metadata';
import { optionalWebAddressSchema, safeWebAddress, webAddressSchema } from '@/lib/validation/web-address';
import { importErrorOf } from '@/tests/unit/import/helpers';

const HOSTILE = [
  'javascript:alert(document.cookie)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://example.org/x',
  '//example.org/x',
  'example.org',
  'https://example.org/\njavascript:alert(1)',
];
const GOOD = ['https://www.bushcenter.org/publications/seongmin-lee', 'http://example.org/a?b=c#d', 'HTTPS://EXAMPLE.ORG/'];

describe('the web address schema', () => {
  it.each(HOSTILE)('refuses %j with a clear message', (value) => {
    const result = webAddressSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/http:\/\/ or https:\/\/|spaces or line breaks/);
    expect(safeWebAddress(value)).toBeNull();
  });

  it.each(GOOD)('takes %j', (value) => {
    expect(webAddressSchema.parse(value)).toBe(value);
    expect(safeWebAddress(value)).toBe(value);
  });

  it('reads an empty form field as none and an absent one as unchanged', () => {
    expect(optionalWebAddressSchema.parse('')).toBeNull();
    expect(optionalWebAddressSchema.parse('  ')).toBeNull();
    expect(optionalWebAddressSchema.parse(undefined)).toBeUndefined();
  });
});

describe('every boundary uses it', () => {
  it.each(HOSTILE.slice(0, 5))('front matter refuses source: %j, naming the key', (value) => {
    const error = importErrorOf(() => parseDocumentText(`---\ntitle: T\nsource: ${JSON.stringify(value)}\n---\nJK: Hi?\n\nSL: Hello.`));
    expect(error.message).toMatch(
      /^invalid front matter: "source" must (be a full web address starting with http:\/\/ or https:\/\/|not contain spaces or line breaks)/,
    );
  });

  it('front matter refuses the same under sourceUrl', () => {
    expect(importErrorOf(() => parseDocumentText('---\nsourceUrl: "javascript:alert(1)"\n---\nText.')).message).toMatch(
      /"sourceUrl" must be a full web address/,
    );
  });

  it('front matter keeps a good address', () => {
    expect(parseDocumentText('---\ntitle: T\nsource: https://example.org/x\n---\nSome text here.').meta.sourceUrl).toBe('https://example.org/x');
  });

  it('the import options refuse --source javascript:', () => {
    const result = importCliOptionsSchema.safeParse({ file: 'x.txt', source: 'javascript:alert(1)' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['source'], message: 'must be a full web address starting with http:// or https://' });
  });

  it.each([
    ['the new-document fields', documentFieldsSchema],
    ['the document update', updateDocumentSchema],
  ])('%s refuse a javascript: or data: source address', (_name, schema) => {
    for (const sourceUrl of ['javascript:alert(1)', 'data:text/html,x']) {
      const result = schema.safeParse({ sourceUrl });
      expect(result.success).toBe(false);
      expect(result.error?.issues.find((i) => i.path[0] === 'sourceUrl')?.message).toBe('must be a full web address starting with http:// or https://');
    }
  });

  it('the seed metadata refuses one', () => {
    const seed = {
      speakers: [],
      topics: [],
      documents: [
        {
          file: 'a.txt',
          slug: 'a',
          kind: 'essay',
          title: 'A',
          sourceUrl: 'javascript:alert(1)',
          date: '2016',
          datePrecision: 'year',
          status: 'draft',
          participants: [],
          passageTopics: [],
        },
      ],
    };
    const result = seedMetadataSchema.safeParse(seed);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['documents.0.sourceUrl']);
  });
});
