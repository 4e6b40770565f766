import { describe, expect, it } from 'vitest';
import { ImportError, parseDocumentText, type ImportOptions } from '@/lib/import';
import { importErrorOf } from '@/tests/unit/import/helpers';

describe('bad input throws ImportError with a clear message', () => {
  it.each<[string, string, ImportOptions | undefined, RegExp]>([
    ['empty', '', undefined, /^the text is empty/],
    ['whitespace only', ' \n\t\r\n\u00a0 \n', undefined, /^the text is empty/],
    ['a BOM and nothing else', '\uFEFF', undefined, /^the text is empty|no paragraphs/],
    ['NUL bytes', 'JK: Hello\u0000\u0000world', undefined, /looks binary \(NUL byte at line 1\)/],
    [
      'mostly control and replacement characters',
      '\u0001\u0002\uFFFD\u0003PNG\uFFFD\u0004\u0005'.repeat(10),
      undefined,
      /looks binary \(\d+ control or replacement characters\)/,
    ],
    ['a forced interview with no labelled turns', 'A Title\n\nJust prose here.\n\nMore prose.', { kind: 'interview' }, /no speaker-labelled turns found/],
    [
      'a label used as a turn that ties to nobody',
      'XY: Hello?\n\nZW: Hi.\n\nXY: Why?\n\nZW: Because.',
      undefined,
      /^label XY cannot be tied to a speaker: .*\(line 1\)$/,
    ],
    [
      'Q/A with no names given',
      'Q: Hello?\n\nA: Hi.\n\nQ: Why?\n\nA: Because.',
      undefined,
      /^label Q cannot be tied to a speaker: give --interviewer\/--interviewee or front matter \(line 1\)$/,
    ],
    [
      'initials that fit two names',
      'Jane Kim and John King\n\nJK: Hello?\n\nSL: Hi.\n\nJK: Why?\n\nSL: Because.',
      { speakers: [{ name: 'Seongmin Lee', labels: ['SL'] }] },
      /^label JK cannot be tied to a speaker: it fits "Jane Kim" and "John King"/,
    ],
    ['only front matter', '---\ntitle: Nothing\n---\n\n', undefined, /no paragraphs/],
    ['only site chrome', 'Subscribe to our newsletter\n\nShare this\n\nRead more', undefined, /no paragraphs are left once site chrome/],
    ['invalid front matter YAML', '---\ntitle: "unclosed\n---\nText.', undefined, /^invalid front matter YAML/],
    ['an unknown kind in options', 'Text.', { kind: 'memoir' as never }, /kind must be "interview" or "essay"/],
  ])('%s', (_, text, options, message) => {
    const error = importErrorOf(() => parseDocumentText(text, options));
    expect(error).toBeInstanceOf(ImportError);
    expect(error.name).toBe('ImportError');
    expect(error.message).toMatch(message);
  });

  it('names the line of a label it cannot tie', () => {
    const error = importErrorOf(() =>
      parseDocumentText('Title\n\nJK: Hi?\n\nSL: Hello.\n\nXY: Me too.\n\nXY: Again.', {
        speakers: [
          { name: 'Jeff Kim', labels: ['JK'] },
          { name: 'Seongmin Lee', labels: ['SL'] },
        ],
      }),
    );
    expect(error.message).toMatch(/^label XY cannot be tied to a speaker/);
    expect(error.line).toBe(7);
  });

  it('reads a long text with a few undecodable characters, and says so', () => {
    const body = 'We crossed the river at night and nobody saw us. '.repeat(10);
    const result = parseDocumentText(`Crossing\n\nIt\uFFFDs true. ${body}\n\nThe end\u0007 came.`);
    expect(result.passages.map((p) => p.text)).toEqual([`It\uFFFDs true. ${body.trim()}`, 'The end\u0007 came.']);
    expect(result.notes).toContain("1 characters could not be decoded (shown as �): check the file's encoding");
  });

  it('throws, not returns, for the bad input', () => {
    expect(() => parseDocumentText('   ')).toThrow(ImportError);
    expect(() => parseDocumentText('   ')).toThrow(/empty/);
  });
});
