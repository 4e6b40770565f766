// Publication dates keep their precision: "2016-12" is the month of December, never its first day.
import { describe, expect, it } from 'vitest';
import { formatPublicationDate, isoAtPrecision, monthName, parsePartialDate } from '@/lib/dates';

describe('parsePartialDate', () => {
  // A year is the whole year; spaces around a date are trimmed.
  it.each([
    ['2016', { start: '2016-01-01', end: '2016-12-31', precision: 'year' }],
    ['  2016-12  ', { start: '2016-12-01', end: '2016-12-31', precision: 'month' }],
  ])('reads %j as the period it names', (value, period) => {
    expect(parsePartialDate(value)).toEqual(period);
  });

  // A month runs from its first to its own last day: 30 or 31, and February by the leap-year rule (1900 no, 2000 yes).
  it.each([
    ['2016-12', '2016-12-31'],
    ['2018-08', '2018-08-31'],
    ['2018-04', '2018-04-30'],
    ['2016-02', '2016-02-29'],
    ['2019-02', '2019-02-28'],
    ['1900-02', '1900-02-28'],
    ['2000-02', '2000-02-29'],
  ])('reads the month %j as its first day to %j', (month, end) => {
    expect(parsePartialDate(month)).toEqual({ start: `${month}-01`, end, precision: 'month' });
  });

  it.each(['2018-08-28', '2020-02-29', '2016-12-31'])('reads the day %j as that one day', (day) => {
    expect(parsePartialDate(day)).toEqual({ start: day, end: day, precision: 'day' });
  });

  it.each([
    ['2016-02-30', 'no 30 February'],
    ['2019-02-29', '2019 is not a leap year'],
    ['1900-02-29', '1900 is not a leap year'],
    ['2016-04-31', 'April has 30 days'],
    ['2016-13', 'no thirteenth month'],
    ['2016-00', 'no month zero'],
    ['2016-12-00', 'no day zero'],
    ['2016-12-32', 'no 32nd day'],
    ['0999', 'a year before 1000'],
    ['16-12', 'a two-digit year'],
    ['2016-1', 'a one-digit month'],
    ['2016-12-1', 'a one-digit day'],
    ['2016/12', 'slashes'],
    ['December 2016', 'words'],
    ['2016-12-01T00:00:00Z', 'a timestamp'],
    ['', 'nothing'],
    ['   ', 'only spaces'],
  ])('refuses %j (%s)', (value) => {
    expect(parsePartialDate(value)).toBeNull();
  });
});

describe('formatPublicationDate and isoAtPrecision', () => {
  // One date at one precision, as readers see it and as the API and structured data give it.
  it.each([
    ['2018-08-28', 'day', '28 August 2018', '2018-08-28'],
    ['2016-12-01', 'day', '1 December 2016', '2016-12-01'],
    ['2016-12-01', 'month', 'December 2016', '2016-12'],
    ['2018-08-01', 'month', 'August 2018', '2018-08'],
    ['2016-01-01', 'year', '2016', '2016'],
    ['2020-02-29', 'day', '29 February 2020', '2020-02-29'],
  ] as const)('writes %s at %s precision as %j and gives it as %s', (start, precision, label, iso) => {
    expect(formatPublicationDate(start, precision)).toBe(label);
    expect(isoAtPrecision(start, precision)).toBe(iso);
  });

  it('never writes a day for a month, even for the first of the month', () => {
    expect(formatPublicationDate('2016-12-01', 'month')).not.toMatch(/\b1\b/);
  });
});

describe('monthName', () => {
  it.each([
    [1, 'January'],
    [8, 'August'],
    [12, 'December'],
  ])('names month %i %s', (month, name) => {
    expect(monthName(month)).toBe(name);
  });
});
