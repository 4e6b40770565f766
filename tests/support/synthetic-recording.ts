// Short recordings made for the tests: espeak-ng speaks a synthetic transcript turn by turn (a
// machine voice, never anyone's real one), ffmpeg joins the turns with a pause between them and
// encodes MP3, Ogg and a small WebM video (a colour card and the speech). Each turn's start and end
// are measured from the files, so the times given to createDocument are the recording's own.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface SyntheticTurn {
  speaker: string;
  text: string;
}

export interface SyntheticRecording {
  dir: string;
  mp3: string;
  ogg: string;
  webm: string;
  /** Each turn's place in the recording, in milliseconds, in order. */
  times: { startMs: number; endMs: number }[];
  durationMs: number;
}

/** Silence between two turns, so the highlight has a moment to move. */
const PAUSE_MS = 400;
const RATE = 22_050;

export const SYNTHETIC_TRANSCRIPT: SyntheticTurn[] = [
  { speaker: 'Interviewer', text: 'Where did the river begin?' },
  { speaker: 'Narrator', text: 'It began in the hills above the old mill, where we walked every summer.' },
  { speaker: 'Interviewer', text: 'And what did you find there?' },
  { speaker: 'Narrator', text: 'Stones, mostly. Cold water, and a great deal of quiet.' },
];

const durationMs = (file: string) =>
  Math.round(Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim()) * 1000);

const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);

export function makeSyntheticRecording(dir: string, turns: SyntheticTurn[] = SYNTHETIC_TRANSCRIPT): SyntheticRecording {
  mkdirSync(dir, { recursive: true });
  const pieces: string[] = [];
  const times: SyntheticRecording['times'] = [];
  let at = 0;
  turns.forEach((turn, i) => {
    // Two voices, so the turns are told apart by ear too.
    const spoken = path.join(dir, `turn-${i}.raw.wav`);
    execFileSync('espeak-ng', ['-v', i % 2 === 0 ? 'en-us' : 'en-gb', '-s', '170', '-w', spoken, turn.text]);
    const wav = path.join(dir, `turn-${i}.wav`);
    // One sample rate and channel layout for every piece, and the pause after each turn.
    ffmpeg('-i', spoken, '-ar', String(RATE), '-ac', '1', '-af', `apad=pad_dur=${PAUSE_MS / 1000}`, wav);
    const spokenMs = durationMs(spoken);
    times.push({ startMs: at, endMs: at + spokenMs });
    at += durationMs(wav);
    pieces.push(wav);
  });
  const list = path.join(dir, 'pieces.txt');
  writeFileSync(list, pieces.map((p) => `file '${p}'`).join('\n'));
  const wav = path.join(dir, 'recording.wav');
  ffmpeg('-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', wav);
  const mp3 = path.join(dir, 'recording.mp3');
  const ogg = path.join(dir, 'recording.ogg');
  const webm = path.join(dir, 'recording.webm');
  ffmpeg('-i', wav, '-c:a', 'libmp3lame', '-b:a', '64k', mp3);
  ffmpeg('-i', wav, '-c:a', 'libvorbis', '-q:a', '2', ogg);
  ffmpeg('-f', 'lavfi', '-i', 'color=c=0x335577:s=320x180:r=10', '-i', wav, '-shortest', '-c:v', 'libvpx', '-b:v', '100k', '-c:a', 'libvorbis', webm);
  return { dir, mp3, ogg, webm, times, durationMs: durationMs(wav) };
}

// One short sentence in one file, for the back office's upload tests.
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
