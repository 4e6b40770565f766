// The recording store on real files: media recognised by their bytes (real recordings made here with
// espeak-ng and ffmpeg), other files refused whatever their name, random names per the store's rule,
// no temporary file left behind, and removal limited to names the store gives.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sniffMedia } from '@/lib/media/media-signature';
import { RECORDING_MAX_BYTES } from '@/lib/media/recording-limits';
import { RecordingRejected, removeRecording, storeRecording } from '@/lib/media/recording-store';
import { RECORDING_FILE_NAME } from '@/lib/media/recordings-dir';
import { installMissingDebianTools } from '@/tests/support/debian-tools';
import { recordingBytes, syntheticRecording } from '@/tests/support/synthetic-recording';

beforeAll(() => installMissingDebianTools(), 300_000);

const folder = () => mkdtempSync(path.join(tmpdir(), 'recordings-'));

describe('what a file is, by its bytes', () => {
  // Each format's extension is its own name.
  it.each([
    ['wav', 'audio/wav'],
    ['mp3', 'audio/mpeg'],
    ['ogg', 'audio/ogg'],
    ['mp4', 'video/mp4'],
  ] as const)(
    'a %s made by ffmpeg is %s',
    (format, type) => {
      expect(sniffMedia(recordingBytes(syntheticRecording(format)))).toEqual({ type, extension: format });
    },
    60_000,
  );

  it.each([
    ['an HTML page', '<!doctype html><script>alert(1)</script>'],
    ['a PDF', '%PDF-1.7\n'],
    ['plain text', 'synthetic test speech'],
    ['a RIFF file that is not WAVE', 'RIFF\u0000\u0000\u0000\u0000AVI LIST'],
  ])('%s is none', (_name, text) => expect(sniffMedia(new TextEncoder().encode(text))).toBeNull());
});

describe('storeRecording', () => {
  it('stores an MP3 under a random 32-hex name with its extension, and nothing else in the folder', async () => {
    const dir = folder();
    const bytes = recordingBytes(syntheticRecording('mp3'));
    const stored = await storeRecording(bytes, dir);
    expect(stored).toMatchObject({ type: 'audio/mpeg', bytes: bytes.byteLength });
    expect(stored.file).toMatch(RECORDING_FILE_NAME);
    expect(stored.file).toMatch(/^[0-9a-f]{32}\.mp3$/);
    expect(readdirSync(dir)).toEqual([stored.file]);
    const again = await storeRecording(bytes, dir);
    expect(again.file).not.toBe(stored.file);
  }, 60_000);

  it.each([
    ['an HTML page named like audio', new TextEncoder().encode('<html><body>not audio</body></html>'), 'not audio or video'],
    ['an empty file', new Uint8Array(0), 'empty'],
    ['a file over the limit', new Uint8Array(RECORDING_MAX_BYTES + 1), 'larger than 50 MB'],
  ])('refuses %s with a message, and writes nothing', async (_name, bytes, message) => {
    const dir = folder();
    const error = await storeRecording(bytes, dir).catch((e) => e);
    expect(error).toBeInstanceOf(RecordingRejected);
    expect(error.message).toContain(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes a stored file, and leaves alone a name the store could not have given', async () => {
    const dir = folder();
    const stored = await storeRecording(recordingBytes(syntheticRecording('wav')), dir);
    writeFileSync(path.join(dir, 'app.db'), 'keep me');
    await removeRecording('app.db', dir);
    await removeRecording('../app.db', dir);
    await removeRecording(stored.file, dir);
    await removeRecording(stored.file, dir); // already gone: no error
    expect(existsSync(path.join(dir, stored.file))).toBe(false);
    expect(readdirSync(dir)).toEqual(['app.db']);
  }, 60_000);
});
