// The largest and the smallest of a list of any length. Math.max(...values) passes every value as an
// argument, and past about 120,000 of them (a transcript's lines, an archive's records) the call
// overflows the stack: a fuzzed import of one paragraph of very many lines answered a 500 that way.
// Like Math.max() and Math.min(), an empty list gives -Infinity and Infinity.

export function largest(values: Iterable<number>): number {
  let found = -Infinity;
  for (const value of values) if (value > found) found = value;
  return found;
}

export function smallest(values: Iterable<number>): number {
  let found = Infinity;
  for (const value of values) if (value < found) found = value;
  return found;
}
