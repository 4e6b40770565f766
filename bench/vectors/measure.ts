// Small helpers the vector benchmark's parts share: elapsed time, sizes in MiB, progress on stderr.
export const ms = (t0: number) => performance.now() - t0;
export const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
export const log = (line: string) => process.stderr.write(`${line}\n`);
