// The summary line of the collapsed filter panel: every active filter in a few words, by its name.
import { describe, expect, it } from 'vitest';
import { describeActiveFilters, labelOf } from '@/components/active-filters';

describe('describeActiveFilters', () => {
  it('names nothing when no filter is set, and the default sort is no filter', () => {
    expect(describeActiveFilters({})).toEqual([]);
    expect(describeActiveFilters({ sort: 'newest' })).toEqual([]);
  });

  it('names the speaker, topic and document by their names, and a year as the year', () => {
    expect(
      describeActiveFilters(
        { speaker: 'seongmin-lee', topic: 'china', kind: 'answer', document: 'an-essay', from: '2016', to: '2016' },
        { speaker: 'Seongmin Lee', topic: 'China', document: 'An Essay' },
      ),
    ).toEqual(['speaker Seongmin Lee', 'topic China', 'kind answer', 'in An Essay', '2016']);
  });

  it('falls back to the slug when no name is known', () => {
    expect(describeActiveFilters({ speaker: 'jeff-kim' })).toEqual(['speaker jeff-kim']);
  });

  it('says a date range at its precision, open at either end', () => {
    expect(describeActiveFilters({ from: '2016-12', to: '2018-08-28' })).toEqual(['December 2016 to 28 August 2018']);
    expect(describeActiveFilters({ from: '2018' })).toEqual(['from 2018']);
    expect(describeActiveFilters({ to: '2018-12' })).toEqual(['until December 2018']);
  });

  it('mentions an order other than the default', () => {
    expect(describeActiveFilters({ sort: 'title', topic: 'china' }, { topic: 'China' })).toEqual(['topic China', 'by title']);
    expect(describeActiveFilters({ sort: 'oldest' })).toEqual(['oldest first']);
  });
});

describe('labelOf', () => {
  it('finds the label of a chosen value among a facet’s options', () => {
    const options = [{ value: 'china', label: 'China' }];
    expect(labelOf(options, 'china')).toBe('China');
    expect(labelOf(options, 'sanctions')).toBeUndefined();
    expect(labelOf(options, undefined)).toBeUndefined();
  });
});
