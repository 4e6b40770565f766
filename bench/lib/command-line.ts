// What the benchmarks' command lines share: reading a whole-number option against its bounds.

/** A whole number ≥ min (and ≤ max when given; `_` allowed as a thousands mark), or the default when not given. */
export function integer(flag: string, value: string | undefined, fallback: number, min: number, max?: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  const range = max === undefined ? `≥ ${min}` : `from ${min} to ${max}`;
  if (!Number.isInteger(n) || n < min || (max !== undefined && n > max)) throw new Error(`--${flag} needs a whole number ${range}, not "${value}".`);
  return n;
}
