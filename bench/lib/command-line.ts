// What the benchmarks' command lines share: a mistake said with the usage, and reading a whole-number
// option against its bounds.

/** A whole number ≥ min (and ≤ max when given; `_` allowed as a thousands mark), or the default when not given. */
export function integer(flag: string, value: string | undefined, fallback: number, min: number, max?: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  const range = max === undefined ? `≥ ${min}` : `from ${min} to ${max}`;
  if (!Number.isInteger(n) || n < min || (max !== undefined && n > max)) throw new Error(`--${flag} needs a whole number ${range}, not "${value}".`);
  return n;
}

/** A mistyped, unknown or out-of-range option; its message ends with the usage. */
export class UsageError extends Error {}

/** Runs `read` (parseArgs, or reading its values); what it throws becomes a UsageError followed by `usage`. */
export function withUsage<T>(usage: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : error}\n${usage}`);
  }
}

/**
 * parseArgs's options for a benchmark: flags that take a value (read as text here, checked by the
 * caller against its own rules) and switches, plus `--help`/`-h`.
 */
export function benchOptions<V extends string, S extends string>(valued: readonly V[], switches: readonly S[]) {
  const entries = [...valued.map((name) => [name, { type: 'string' }]), ...switches.map((name) => [name, { type: 'boolean' }])];
  return { ...Object.fromEntries(entries), help: { type: 'boolean', short: 'h' } } as Record<V, { type: 'string' }> &
    Record<S, { type: 'boolean' }> & { help: { type: 'boolean'; short: 'h' } };
}
