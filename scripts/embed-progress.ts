// A progress bar on stderr for embedding passages (`npm run search:embed`, the CLI import): one line
// redrawn in place on a terminal, a line every 10% otherwise (logs stay short).
import type { EmbedProgress } from '@/lib/search/vectors/embed-pending';

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastTenth = -1;
  return ({ done, total }: EmbedProgress) => {
    const share = total > 0 ? done / total : 1;
    const seconds = (Date.now() - started) / 1000;
    const left = done > 0 ? Math.round((seconds / done) * (total - done)) : undefined;
    const text = `${label} ${done}/${total} passages (${Math.floor(share * 100)}%)${left !== undefined ? `, ~${left} s left` : ''}`;
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
