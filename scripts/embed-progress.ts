// A progress bar on stderr for the long commands (embedding passages in `npm run search:embed` and the
// CLI import; `archive:export` and `archive:import`): one line redrawn in place on a terminal, a line
// every 10% otherwise (logs stay short).

export interface Progress {
  done: number;
  total: number;
}

export function progressBar(label: string, { unit = 'passages', stream = process.stderr }: { unit?: string; stream?: NodeJS.WriteStream } = {}) {
  const started = Date.now();
  let lastTenth = -1;
  return ({ done, total }: Progress) => {
    const share = total > 0 ? done / total : 1;
    const seconds = (Date.now() - started) / 1000;
    const left = done > 0 ? Math.round((seconds / done) * (total - done)) : undefined;
    const text = `${label} ${done}/${total} ${unit} (${Math.floor(share * 100)}%)${left !== undefined ? `, ~${left} s left` : ''}`;
    if (stream.isTTY) {
      const width = 24;
      const filled = Math.round(share * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}${done === total ? '\n' : ''}`);
    } else if (Math.floor(share * 10) > lastTenth || done === total) {
      lastTenth = Math.floor(share * 10);
      stream.write(`${text}\n`);
    }
  };
}
