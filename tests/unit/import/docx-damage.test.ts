// A damaged .docx (bytes flipped or cut anywhere) is refused with ImportError or read; never another error, never a hang.
import { Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { ImportError } from '@/lib/import';
import { parseDocx } from '@/lib/import/formats/docx';
import { docxOf } from '@/tests/unit/import/docx-files';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a damaged Word document', () => {
  it('throws nothing but ImportError, whatever bytes are changed or cut (200 files)', async () => {
    const whole = await docxOf([
      new Paragraph({ children: [new TextRun({ text: 'Jeff Kim:', bold: true }), new TextRun(' Where did you grow up?')] }),
      new Paragraph({ children: [new TextRun({ text: 'Seongmin Lee:', bold: true }), new TextRun(' In Hyesan, near the river.')] }),
    ]);
    const next = random(12);
    const outcomes = { read: 0, refused: 0 };
    for (let run = 0; run < 200; run++) {
      const bytes = whole.slice(0, run % 4 === 0 ? Math.floor(next() * whole.length) : whole.length);
      for (let flips = 1 + Math.floor(next() * 8); flips > 0 && bytes.length > 0; flips--) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      try {
        const result = await parseDocx(bytes, { speakers: [{ name: 'Jeff Kim' }, { name: 'Seongmin Lee' }] });
        // Read means read right: a changed byte never alters a word unseen (parts' checksums).
        expect(result.passages.map((p) => p.text)).toEqual(['Where did you grow up?', 'In Hyesan, near the river.']);
        outcomes.read++;
      } catch (error) {
        if (!(error instanceof ImportError)) throw new Error(`run ${run}: ${String(error)}`);
        expect(error.message.length).toBeGreaterThan(20);
        outcomes.refused++;
      }
    }
    // Both paths were taken: some damage leaves the words readable, some is refused.
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 60_000);

  it('is refused before it is inflated when a part says it holds more than the ceiling (a zip bomb)', async () => {
    const bytes = Buffer.from(await docxOf([new Paragraph('Hello there.')]));
    // Every entry of the zip's table of contents claims 100 MB once inflated.
    for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
      bytes.writeUInt32LE(100 * 1024 * 1024, at + 24);
    }
    await expect(parseDocx(new Uint8Array(bytes))).rejects.toThrow(/the Word document is too large to import: part .* holds more than 64 MB/);
  });
});
