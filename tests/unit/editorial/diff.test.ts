// diffRevisions on hand-made snapshots: passages are matched by anchor, wherever they moved; text
// changes come word by word from jsdiff; lists (participants, topics) as added and removed.
import { describe, expect, it } from 'vitest';
import { diffRevisions } from '@/lib/editorial/revisions';
import type { DocumentSnapshot, PassageSnapshot, TopicSnapshot } from '@/lib/editorial/snapshots';

const passage = (anchor: number, text: string, extra: Partial<PassageSnapshot> = {}): PassageSnapshot => ({
  anchor,
  kind: 'paragraph',
  speakerId: 1,
  speakerSlug: 'ann',
  speakerName: 'Ann',
  text,
  questionAnchor: null,
  topics: [],
  startMs: null,
  endMs: null,
  ...extra,
});

const doc = (version: number, passages: PassageSnapshot[], extra: Partial<DocumentSnapshot> = {}): DocumentSnapshot => ({
  type: 'document',
  id: 9,
  version,
  slug: 'doc',
  kind: 'essay',
  title: 'A title',
  subtitle: null,
  summary: null,
  publisher: null,
  sourceUrl: null,
  date: '2020',
  language: 'en',
  caption: null,
  status: 'draft',
  deletedAt: null,
  participants: [{ speakerId: 1, speakerSlug: 'ann', speakerName: 'Ann', role: 'author' }],
  passages,
  sections: [],
  recordingUrl: null,
  recordingFile: null,
  recordingType: null,
  nextAnchor: passages.length + 1,
  ...extra,
});

// The parts of a word-by-word text diff, as jsdiff gives them.
const kept = (value: string) => ({ value, added: false, removed: false });
const added = (value: string) => ({ value, added: true, removed: false });
const removed = (value: string) => ({ value, added: false, removed: true });

describe('diffRevisions', () => {
  it('matches passages by anchor: a moved and edited passage is one change, not a removal and an addition', () => {
    const a = doc(1, [passage(1, 'The quick brown fox.'), passage(2, 'Jumps over the dog.'), passage(3, 'The end.')]);
    const b = doc(2, [passage(2, 'Jumps over the lazy dog.'), passage(1, 'The quick brown fox.'), passage(3, 'The end.', { topics: ['animals'] })]);
    const diff = diffRevisions(a, b);
    expect(diff.fields).toEqual([]);
    expect(diff.participants).toBeNull();
    expect(diff.passages.map((p) => ({ anchor: p.anchor, change: p.change, moved: p.moved, position: p.position }))).toEqual([
      { anchor: 2, change: 'changed', moved: false, position: { before: 2, after: 1 } },
      { anchor: 1, change: 'moved', moved: true, position: { before: 1, after: 2 } },
      { anchor: 3, change: 'changed', moved: false, position: { before: 3, after: 3 } },
    ]);
    expect(diff.passages[0].text).toEqual([kept('Jumps over the '), added('lazy '), kept('dog.')]);
    expect(diff.passages[2]).toMatchObject({ text: null, topics: { added: ['animals'], removed: [] } });
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 2, moved: 1, unchanged: 0 });
  });

  it('places a removed passage where it was and reports fields and participants', () => {
    const a = doc(3, [passage(1, 'One.'), passage(2, 'Two.'), passage(3, 'Three.')]);
    const b = doc(
      5,
      [passage(1, 'One.'), passage(3, 'Three.', { kind: 'question', speakerId: 2, speakerSlug: 'bo', speakerName: 'Bo' }), passage(4, 'Four.')],
      {
        title: 'A better title',
        participants: [{ speakerId: 2, speakerSlug: 'bo', speakerName: 'Bo', role: 'author' }],
      },
    );
    const diff = diffRevisions({ snapshot: a } as never, b);
    expect(diff).toMatchObject({ entityType: 'document', id: 9, fromVersion: 3, toVersion: 5 });
    expect(diff.fields).toEqual([
      {
        field: 'title',
        before: 'A title',
        after: 'A better title',
        parts: [kept('A '), added('better '), kept('title')],
      },
    ]);
    expect(diff.participants).toEqual({
      added: [{ speakerId: 2, speakerSlug: 'bo', speakerName: 'Bo', role: 'author' }],
      removed: [{ speakerId: 1, speakerSlug: 'ann', speakerName: 'Ann', role: 'author' }],
    });
    expect(diff.passages.map((p) => [p.anchor, p.change])).toEqual([
      [2, 'removed'],
      [3, 'changed'],
      [4, 'added'],
    ]);
    expect(diff.passages[1].fields).toEqual([
      { field: 'kind', before: 'paragraph', after: 'question', parts: null },
      { field: 'speaker', before: 'Ann', after: 'Bo', parts: null },
    ]);
    expect(diff.passages[0].text).toEqual([removed('Two.')]);
  });

  it('diffs topics field by field and refuses two different entries', () => {
    const t1: TopicSnapshot = {
      type: 'topic',
      id: 4,
      version: 1,
      slug: 'markets',
      name: 'Markets',
      description: 'Private trade.',
      parentId: null,
      parentSlug: null,
    };
    const t2: TopicSnapshot = { ...t1, version: 2, description: 'Private and state trade.', parentId: 2, parentSlug: 'economy' };
    expect(diffRevisions(t1, t2).fields).toEqual([
      {
        field: 'description',
        before: 'Private trade.',
        after: 'Private and state trade.',
        parts: [kept('Private '), added('and state '), kept('trade.')],
      },
      { field: 'parentSlug', before: null, after: 'economy', parts: null },
    ]);
    expect(() => diffRevisions(t1, { ...t2, id: 5 })).toThrow('Only two versions of the same entry can be compared.');
  });
});
