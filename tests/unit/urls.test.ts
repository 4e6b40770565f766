// The archive's public addresses: one builder each, so that links and citations agree.
import { describe, expect, it } from 'vitest';
import { documentPath, documentsPath, passageAnchor, passagePath, speakerPath, topicPath } from '@/lib/urls';

describe('single-resource addresses', () => {
  it.each([
    ['documentPath', () => documentPath('how-to-really-bring-change-to-north-korea'), '/documents/how-to-really-bring-change-to-north-korea'],
    ['passageAnchor', () => passageAnchor(7), 'p7'],
    [
      'passagePath',
      () => passagePath('seongmin-lee-qa-part-2-us-relations-with-north-korea', 2),
      '/documents/seongmin-lee-qa-part-2-us-relations-with-north-korea#p2',
    ],
    ['passagePath (two digits)', () => passagePath('essay', 12), '/documents/essay#p12'],
    ['speakerPath', () => speakerPath('seongmin-lee'), '/speakers/seongmin-lee'],
    ['topicPath', () => topicPath('human-rights'), '/topics/human-rights'],
  ])('%s', (_name, build, expected) => {
    expect(build()).toBe(expected);
  });

  it('puts the passage anchor after the document path, so the reader lands on the passage', () => {
    expect(passagePath('a-doc', 3)).toBe(`${documentPath('a-doc')}#${passageAnchor(3)}`);
  });
});

describe('documentsPath', () => {
  it.each([
    ['no filters', {}, '/documents'],
    ['only empty values', { speaker: undefined, topic: null, kind: '' }, '/documents'],
    ['the first page and the default sort', { page: 1, sort: 'newest' }, '/documents'],
    ['the first page given as text', { page: '1' }, '/documents'],
    ['one filter', { kind: 'essay' }, '/documents?kind=essay'],
    [
      'filters in the order given',
      { speaker: 'seongmin-lee', topic: 'human-rights', from: '2016-12' },
      '/documents?speaker=seongmin-lee&topic=human-rights&from=2016-12',
    ],
    ['a later page and another sort', { page: 2, sort: 'title' }, '/documents?page=2&sort=title'],
    ['empty values among real ones', { kind: 'interview', topic: '', page: 3 }, '/documents?kind=interview&page=3'],
    ['a value that needs encoding', { q: 'a&b c' }, '/documents?q=a%26b+c'],
  ])('%s', (_name, filters, expected) => {
    expect(documentsPath(filters)).toBe(expected);
  });
});
