// Free space on the file system that holds the database: when it runs out, saves fail.
import 'server-only';
import { statfsSync } from 'node:fs';

export interface DiskSpace {
  freeBytes: number;
  totalBytes: number;
}

export function diskSpace(directory: string): DiskSpace {
  const stats = statfsSync(directory);
  // bavail, not bfree: the blocks an unprivileged process may actually use.
  return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
