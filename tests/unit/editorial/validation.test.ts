// The editorial input schemas: what a form may send, what is refused, and the message shown next
// to each field.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formOf, formValues } from '@/lib/admin/action-state';
import { parseInput, ValidationError } from '@/lib/editorial/errors';
import {
  addPassageSchema,
  anchorSchema,
  idSchema,
  versionSchema,
  createDocumentSchema,
  createSpeakerSchema,
  mergeEntitiesSchema,
  mergePassagesSchema,
  passageTextSchema,
  reorderPassagesSchema,
  restoreRevisionSchema,
  splitPassageSchema,
  titleSchema,
  updateDocumentSchema,
  updatePassageSchema,
  updateTopicSchema,
} from '@/lib/validation/editorial';

const fieldErrors = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return z.flattenError(result.error).fieldErrors;
};

describe('passageTextSchema', () => {
  it('folds CRLF and lone CR into LF, keeps tabs and blank lines, trims the ends', () => {
    expect(passageTextSchema.parse('  First line\r\nsecond\tcolumn\r\n\r\nNext paragraph\rend  ')).toBe('First line\nsecond\tcolumn\n\nNext paragraph\nend');
  });

  it('refuses empty text and control characters other than newline and tab', () => {
    expect(passageTextSchema.safeParse(' \n\t ').error?.issues.map((i) => i.message)).toEqual(['must not be empty']);
    for (const bad of ['bell\u0007', 'nul\u0000', 'escape\u001b[31m', 'vertical\u000btab', 'c1\u0085']) {
      expect(passageTextSchema.safeParse(bad).error?.issues.map((i) => i.message)).toEqual([
        'must not contain control characters other than line breaks and tabs',
      ]);
    }
    expect(passageTextSchema.safeParse(42).error?.issues.map((i) => i.message)).toEqual(['must be text']);
  });
});

describe('titleSchema', () => {
  it('takes up to 300 characters on one line', () => {
    expect(titleSchema.parse(` ${'t'.repeat(300)} `)).toHaveLength(300);
    expect(titleSchema.safeParse('t'.repeat(301)).error?.issues.map((i) => i.message)).toEqual(['must be at most 300 characters']);
    expect(titleSchema.safeParse('two\nlines').error?.issues.map((i) => i.message)).toEqual(['must be one line without control characters']);
    expect(titleSchema.safeParse('').error?.issues.map((i) => i.message)).toEqual(['must not be empty']);
  });
});

describe('document schemas', () => {
  it('create: defaults language, participants, passages, sections and recording; reads ids from text', () => {
    expect(createDocumentSchema.parse({ slug: 'a-b', kind: 'essay', title: 'A', date: '2019-03', participants: [{ speakerId: '4', role: 'author' }] })).toEqual(
      {
        slug: 'a-b',
        kind: 'essay',
        title: 'A',
        date: '2019-03',
        language: 'en',
        participants: [{ speakerId: 4, role: 'author' }],
        passages: [],
        sections: [],
        recordingUrl: null,
        recordingFile: null,
        recordingType: null,
      },
    );
  });

  it('create: one message per field', () => {
    expect(
      fieldErrors(createDocumentSchema, {
        slug: 'A B',
        kind: 'novel',
        title: '',
        date: '2019-13',
        language: 'English',
        participants: [
          { speakerId: 1, role: 'author' },
          { speakerId: 1, role: 'author' },
        ],
      }),
    ).toEqual({
      slug: ['must be lowercase letters, digits and single hyphens, like "human-rights"'],
      kind: ['must be one of interview, essay, speech, testimony'],
      title: ['must not be empty'],
      date: ['must be a real date written YYYY, YYYY-MM or YYYY-MM-DD'],
      language: ['must be a language tag like en or ko'],
      participants: ['lists the same speaker twice in the same role'],
    });
  });

  it('update: absent fields stay absent, empty optional fields become null', () => {
    expect(updateDocumentSchema.parse({ id: '3', expectedVersion: '2', subtitle: '', summary: 'Line one\r\nline two', sourceUrl: '' })).toEqual({
      id: 3,
      expectedVersion: 2,
      subtitle: null,
      summary: 'Line one\nline two',
      sourceUrl: null,
    });
    expect(fieldErrors(updateDocumentSchema, { id: 0, expectedVersion: 'x', sourceUrl: 'javascript:alert(1)' })).toEqual({
      id: ['must be 1 or more'],
      expectedVersion: ['must be a number'],
      sourceUrl: ['must be a full web address starting with http:// or https://'],
    });
  });
});

describe('passage schemas', () => {
  it('update needs the document, its version and the anchor; the rest is optional', () => {
    expect(updatePassageSchema.parse({ documentId: 1, expectedVersion: 1, anchor: '2', speakerId: '' })).toEqual({
      documentId: 1,
      expectedVersion: 1,
      anchor: 2,
      speakerId: null,
    });
    expect(fieldErrors(updatePassageSchema, { text: 'x' })).toEqual({
      documentId: ['must be a number'],
      expectedVersion: ['must be a number'],
      anchor: ['must be a passage number'],
    });
  });

  it('add defaults to no speaker, no question, no topics, no times', () => {
    expect(addPassageSchema.parse({ documentId: 1, expectedVersion: 1, afterAnchor: null, kind: 'paragraph', text: 'x' })).toEqual({
      documentId: 1,
      expectedVersion: 1,
      afterAnchor: null,
      kind: 'paragraph',
      text: 'x',
      speakerId: null,
      questionAnchor: null,
      topicIds: [],
      startMs: null,
      endMs: null,
    });
    expect(fieldErrors(addPassageSchema, { documentId: 1, expectedVersion: 1, afterAnchor: 1, kind: 'aside', text: 'x', topicIds: [2, 2] })).toEqual({
      kind: ['must be one of question, answer, paragraph'],
      topicIds: ['lists a topic twice'],
    });
  });

  it('split takes an offset or a paragraph, not both and not neither', () => {
    const base = { documentId: 1, expectedVersion: 1, anchor: 2 };
    expect(splitPassageSchema.parse({ ...base, offset: '10' })).toEqual({ ...base, offset: 10 });
    expect(splitPassageSchema.parse({ ...base, paragraph: 2 })).toEqual({ ...base, paragraph: 2 });
    const message = ['give either a character offset or a paragraph number, not both'];
    expect(fieldErrors(splitPassageSchema, base)).toEqual({ offset: message });
    expect(fieldErrors(splitPassageSchema, { ...base, offset: 3, paragraph: 2 })).toEqual({ offset: message });
    expect(fieldErrors(splitPassageSchema, { ...base, paragraph: 1 })).toEqual({ paragraph: ['must be 2 or more'] });
  });

  it('merge needs two different passages; reorder no passage twice', () => {
    expect(fieldErrors(mergePassagesSchema, { documentId: 1, expectedVersion: 1, first: 3, second: 3 })).toEqual({
      second: ['must be another passage than the first'],
    });
    expect(fieldErrors(reorderPassagesSchema, { documentId: 1, expectedVersion: 1, order: [] })).toEqual({ order: ['must list the passages'] });
  });
});

describe('speaker, topic, merge and restore schemas', () => {
  it('speaker aliases are names, each once', () => {
    expect(createSpeakerSchema.parse({ name: ' Jeff Kim ' })).toEqual({ name: 'Jeff Kim', aliases: [] });
    expect(fieldErrors(createSpeakerSchema, { name: 'Jeff Kim', aliases: ['JK', 'jk'] })).toEqual({ aliases: ['lists the same name twice'] });
  });

  it('a topic parent may be cleared with an empty field', () => {
    expect(updateTopicSchema.parse({ id: 1, expectedVersion: 1, parentId: '' })).toEqual({ id: 1, expectedVersion: 1, parentId: null });
  });

  it('merging needs two different entries', () => {
    expect(fieldErrors(mergeEntitiesSchema, { targetId: 2, expectedTargetVersion: 1, sourceId: 2, expectedSourceVersion: 1 })).toEqual({
      sourceId: ['must be another entry than the one merged into'],
    });
  });

  it('restore names a known kind of entry', () => {
    expect(fieldErrors(restoreRevisionSchema, { entityType: 'user', id: 1, revisionVersion: 1, expectedVersion: 2 })).toEqual({
      entityType: ['must be document, speaker or topic'],
    });
  });
});

describe('parseInput', () => {
  it('throws a ValidationError carrying z.flattenError(error).fieldErrors', () => {
    let caught: unknown;
    try {
      parseInput(updateDocumentSchema, { id: 1, expectedVersion: 1, title: '' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).fieldErrors).toEqual({ title: ['must not be empty'] });
    expect((caught as ValidationError).message).toBe('Some fields need correcting.');
  });
});

describe('numbers: only what a form or JSON sends as a number is read as one', () => {
  it('reads decimal digits (from a form) and whole numbers (from JSON)', () => {
    expect(idSchema.parse('42')).toBe(42);
    expect(idSchema.parse(' 7 ')).toBe(7);
    expect(versionSchema.parse(3)).toBe(3);
    expect(anchorSchema.parse('010')).toBe(10);
  });

  it('refuses what Number() would have read as another id or version: hex, exponents, binary, booleans, lists', () => {
    for (const bad of ['0x10', '1e3', '0b11', '0o7', '+3', 'Infinity', true, false, [5], ['5'], {}, null, '', ' ']) {
      expect(
        idSchema.safeParse(bad).error?.issues.map((i) => i.message),
        JSON.stringify(bad),
      ).toEqual(['must be a number']);
      expect(versionSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(fieldErrors(updatePassageSchema, { documentId: 1, expectedVersion: true, anchor: [2], text: 'x' })).toEqual({
      expectedVersion: ['must be a number'],
      anchor: ['must be a passage number'],
    });
    expect(fieldErrors(splitPassageSchema, { documentId: 1, expectedVersion: 1, anchor: 1, paragraph: '0x2' })).toEqual({ paragraph: ['must be a number'] });
  });

  it('still says what is wrong with a number that is one', () => {
    expect(idSchema.safeParse('1.5').error?.issues.map((i) => i.message)).toEqual(['must be a whole number']);
    expect(idSchema.safeParse('-2').error?.issues.map((i) => i.message)).toEqual(['must be 1 or more']);
    expect(versionSchema.safeParse(0).error?.issues.map((i) => i.message)).toEqual(['must be 1 or more']);
    expect(idSchema.safeParse('9'.repeat(30)).error?.issues.map((i) => i.message)).toEqual(['must be a whole number']);
  });

  it('refuses a number past what an integer column holds (PostgreSQL errors on it), and takes the largest it holds', () => {
    for (const schema of [idSchema, versionSchema, anchorSchema]) {
      expect(schema.safeParse('2147483648').error?.issues.map((i) => i.message)).toEqual(['must be 2147483647 or less']);
      expect(schema.safeParse(Number.MAX_SAFE_INTEGER).error?.issues.map((i) => i.message)).toEqual(['must be 2147483647 or less']);
      expect(schema.safeParse('2147483647').data).toBe(2_147_483_647);
    }
  });
});

describe('text: half a surrogate pair is refused, not saved as U+FFFD', () => {
  const BROKEN = 'must not contain broken characters (half of a surrogate pair)';

  it('refuses a lone high or low surrogate in every kind of text field', () => {
    for (const bad of ['a\uD800b', 'end\uDBFF', '\uDC00start', 'reversed \uDC00\uD800 pair']) {
      expect(
        passageTextSchema.safeParse(bad).error?.issues.map((i) => i.message),
        JSON.stringify(bad),
      ).toEqual([BROKEN]);
      expect(titleSchema.safeParse(bad).error?.issues.map((i) => i.message)).toEqual([BROKEN]);
      expect(fieldErrors(updateTopicSchema, { id: 1, expectedVersion: 1, description: bad, message: bad })).toEqual({
        description: [BROKEN],
        message: [BROKEN],
      });
      expect(fieldErrors(createSpeakerSchema, { name: 'Ann', bio: bad, aliases: [bad] })).toEqual({ bio: [BROKEN], aliases: [BROKEN] });
    }
  });

  it('keeps whole pairs: characters outside the basic plane are ordinary text', () => {
    expect(passageTextSchema.parse('𝕏 and 👩‍👩‍👧 and 조선')).toBe('𝕏 and 👩‍👩‍👧 and 조선');
    expect(titleSchema.parse('Title 𝕏')).toBe('Title 𝕏');
  });
});

describe("a server action's form argument, as a hostile client may send it", () => {
  it('reads a real form as it is, files left out', () => {
    const form = new FormData();
    form.append('title', 'A title');
    form.append('file', new Blob(['x']), 'x.txt');
    expect(formOf(form)).toBe(form);
    expect(formValues(form)).toEqual({ title: 'A title' });
  });

  it('reads anything else as an empty form, which the actions refuse with their usual messages', () => {
    for (const sent of [undefined, null, 'text', 0, true, {}, [], { get: 'x' }, { entries: () => [['id', '1']] }]) {
      expect(formValues(sent), JSON.stringify(sent)).toEqual({});
      expect(formOf(sent).get('id'), JSON.stringify(sent)).toBeNull();
    }
  });
});
