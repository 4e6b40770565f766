// Short synthetic recordings for tests (issue 12): espeak-ng speaks a made-up sentence to WAV (never
// anyone's real voice), ffmpeg converts it. Both come from Debian (tests/support/debian-tools.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Makes `synthetic.<format>` in a new temporary folder and returns its path. */
export function syntheticRecording(format: 'wav' | 'mp3' | 'ogg' | 'mp4', words = 'synthetic test speech'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'recording-'));
  const wav = path.join(dir, 'synthetic.wav');
  execFileSync('espeak-ng', ['-w', wav, words]);
  if (format === 'wav') return wav;
  const out = path.join(dir, `synthetic.${format}`);
  const args =
    format === 'mp4'
      ? ['-f', 'lavfi', '-i', 'color=c=gray:s=64x64:d=2', '-i', wav, '-shortest', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac']
      : ['-i', wav];
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args, out]);
  return out;
}

export const recordingBytes = (file: string) => new Uint8Array(readFileSync(file));
