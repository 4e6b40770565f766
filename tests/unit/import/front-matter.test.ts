import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '@/lib/import';
import { importErrorOf } from '@/tests/unit/import/helpers';

const TURNS = 'JK: Where did you grow up?\n\nSL: In Hyesan.\n\nJK: Was it cold?\n\nSL: Very.';

describe('front matter', () => {
  it('reads meta and a list of speakers with labels and roles', () => {
    const text = [
      '---',
      'title: Growing Up in Hyesan',
      'subtitle: A conversation',
      'summary: Seongmin Lee remembers his hometown.',
      'date: 2018-08-28',
      'publisher: Example Institute',
      'source: https://example.org/hyesan',
      'language: en',
      'caption: Hyesan in winter.',
      'speakers:',
      '  - name: Jeff Kim',
      '    labels: [JK]',
      '    role: interviewer',
      '  - name: Seongmin Lee',
      '    labels: SL',
      '    role: interviewee',
      '---',
      '',
      TURNS,
    ].join('\n');
    const result = parseDocumentText(text);
    expect(result.meta).toEqual({
      title: 'Growing Up in Hyesan',
      subtitle: 'A conversation',
      summary: 'Seongmin Lee remembers his hometown.',
      date: '2018-08-28',
      publisher: 'Example Institute',
      sourceUrl: 'https://example.org/hyesan',
      language: 'en',
    });
    expect(result.caption).toBe('Hyesan in winter.');
    expect(result.kind).toBe('interview');
    expect(result.speakers).toEqual([
      { name: 'Jeff Kim', labels: ['JK'], role: 'interviewer', bio: null },
      { name: 'Seongmin Lee', labels: ['SL'], role: 'interviewee', bio: null },
    ]);
    expect(result.passages.map((p) => [p.kind, p.speaker, p.line])).toEqual([
      ['question', 'Jeff Kim', 19],
      ['answer', 'Seongmin Lee', 21],
      ['question', 'Jeff Kim', 23],
      ['answer', 'Seongmin Lee', 25],
    ]);
  });

  it('reads a map of label to name, with interviewer: naming the asker', () => {
    const text = `---\nspeakers:\n  JK: Jeff Kim\n  SL: Seongmin Lee\ninterviewer: Jeff Kim\ndate: 2016\n---\n${TURNS}`;
    const result = parseDocumentText(text);
    expect(result.meta.date).toBe('2016');
    expect(result.speakers.map((s) => [s.name, s.labels, s.role])).toEqual([
      ['Jeff Kim', ['JK'], 'interviewer'],
      ['Seongmin Lee', ['SL'], 'interviewee'],
    ]);
    expect(result.passages.map((p) => p.kind)).toEqual(['question', 'answer', 'question', 'answer']);
  });

  it('ties Q/A through interviewer: and interviewee:', () => {
    const text = '---\ninterviewer: Jeff Kim\ninterviewee: Seongmin Lee\n---\nQ: Where?\n\nA: Hyesan.';
    const result = parseDocumentText(text);
    expect(result.passages.map((p) => [p.kind, p.speaker, p.text])).toEqual([
      ['question', 'Jeff Kim', 'Where?'],
      ['answer', 'Seongmin Lee', 'Hyesan.'],
    ]);
  });

  it('takes kind and author from front matter, and passes unknown keys through', () => {
    const text = '---\nkind: essay\nauthor: Seongmin Lee\ntopics: [sanctions]\n---\nJK: this is not a turn here.\n\nSL: neither is this.';
    const result = parseDocumentText(text);
    expect(result.kind).toBe('essay');
    expect(result.meta.topics).toEqual(['sanctions']);
    expect(result.passages.map((p) => [p.speaker, p.text])).toEqual([
      ['Seongmin Lee', 'JK: this is not a turn here.'],
      ['Seongmin Lee', 'SL: neither is this.'],
    ]);
    expect(result.speakers).toEqual([{ name: 'Seongmin Lee', labels: [], role: 'author', bio: null }]);
  });

  it('lets options override front matter', () => {
    const text = `---\ntitle: Old Title\nkind: essay\nspeakers:\n  JK: Someone Else\n---\n${TURNS}`;
    const result = parseDocumentText(text, {
      kind: 'interview',
      title: 'New Title',
      speakers: [
        { name: 'Jeff Kim', labels: ['JK'], role: 'interviewer' },
        { name: 'Seongmin Lee', labels: ['SL'] },
      ],
    });
    expect(result.kind).toBe('interview');
    expect(result.meta.title).toBe('New Title');
    expect(result.passages[0]!.speaker).toBe('Jeff Kim');
    expect(result.speakers.find((s) => s.name === 'Someone Else')?.labels).toEqual([]);
  });

  it('drops a body caption that repeats the front matter caption', () => {
    const text = '---\ncaption: Hyesan in winter (AP Photo).\n---\nHyesan in winter (AP Photo).\n\nJK: Where?\n\nSL: Hyesan.';
    const result = parseDocumentText(text, {
      speakers: [
        { name: 'Jeff Kim', labels: ['JK'] },
        { name: 'Seongmin Lee', labels: ['SL'] },
      ],
    });
    expect(result.caption).toBe('Hyesan in winter (AP Photo).');
    expect(result.dropped.map((d) => [d.line, d.reason])).toEqual([[4, 'repeated caption']]);
  });

  it.each([
    ['an unclosed flow list', '---\ntitle: [unclosed\n---\nText.', /^invalid front matter YAML at line 2: /],
    ['a duplicate key', '---\ntitle: a\ntitle: b\n---\nText.', /^invalid front matter YAML at line 3: Map keys must be unique/],
    ['a bad indentation', '---\ntitle: a\n  b: c\n---\nText.', /^invalid front matter YAML/],
    ['a list instead of a mapping', '---\n- a\n- b\n---\nText.', /front matter: it must be a YAML mapping/],
    ['an unknown kind', '---\nkind: memoir\n---\nText.', /kind must be "interview" or "essay" \(got "memoir"\)/],
    ['a bad date', '---\ndate: 28/08/2018\n---\nText.', /date must be YYYY, YYYY-MM or YYYY-MM-DD/],
    ['an impossible date', '---\ndate: 2018-02-30\n---\nText.', /date must be YYYY, YYYY-MM or YYYY-MM-DD/],
    ['an unknown role', '---\nspeakers:\n  - name: A B\n    role: host\n---\nText.', /role of "A B" must be interviewer, interviewee or author/],
    ['a speaker without a name', '---\nspeakers:\n  - labels: [JK]\n---\nText.', /each item of "speakers" needs a name/],
    ['no closing line', '---\ntitle: a\n\nText.', /never closed/],
  ])('rejects %s with a clear ImportError', (_, text, message) => {
    const error = importErrorOf(() => parseDocumentText(text));
    expect(error.message).toMatch(message);
  });

  it('gives the file line of a YAML error', () => {
    expect(importErrorOf(() => parseDocumentText('---\ntitle: ok\nsubtitle: [bad\n---\nText.')).line).toBe(3);
  });
});
