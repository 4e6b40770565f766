// What an uploaded recording is, read from its first bytes rather than its name or the type the
// browser claims: a file named talk.mp3 that is really HTML or a script is refused. Pure: bytes in,
// a MIME type and the extension the store names the file with out (null when it is not audio or video
// the archive knows).

export interface MediaKind {
  type: string;
  extension: string;
}

/** How many leading bytes recognise every format below. */
export const SIGNATURE_BYTES = 64;

const ascii = (bytes: Uint8Array, at: number, text: string) => [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** The length of an ID3v2 tag (header included) at the start of an MP3, or 0. */
function id3Length(bytes: Uint8Array): number {
  if (!ascii(bytes, 0, 'ID3') || bytes.length < 10) return 0;
  const size = ((bytes[6] & 0x7f) << 21) | ((bytes[7] & 0x7f) << 14) | ((bytes[8] & 0x7f) << 7) | (bytes[9] & 0x7f);
  return 10 + size;
}

/** An MPEG audio frame header: 11 sync bits, a layer that is not "reserved", a bitrate that is not "bad". */
function mpegFrameAt(bytes: Uint8Array, at: number): boolean {
  if (at + 2 >= bytes.length || bytes[at] !== 0xff || (bytes[at + 1] & 0xe0) !== 0xe0) return false;
  const layer = (bytes[at + 1] >> 1) & 0x03;
  const bitrate = bytes[at + 2] >> 4;
  return layer !== 0 && bitrate !== 0x0f;
}

/**
 * The kind of media the bytes begin, or null. `head` must hold the file's first SIGNATURE_BYTES (or
 * all of a shorter file); for an MP3 with an ID3 tag the bytes after the tag are needed too, so the
 * caller passes the whole file when it has it.
 */
export function sniffMedia(head: Uint8Array): MediaKind | null {
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return { type: 'audio/wav', extension: 'wav' };
  if (ascii(head, 0, 'fLaC')) return { type: 'audio/flac', extension: 'flac' };
  if (ascii(head, 0, 'OggS')) return { type: 'audio/ogg', extension: 'ogg' };
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return { type: 'video/webm', extension: 'webm' };
  if (ascii(head, 4, 'ftyp')) {
    const brand = String.fromCharCode(...head.slice(8, 12));
    if (brand === 'M4A ' || brand === 'M4B ') return { type: 'audio/mp4', extension: 'm4a' };
    if (brand.startsWith('qt')) return { type: 'video/quicktime', extension: 'mov' };
    return { type: 'video/mp4', extension: 'mp4' };
  }
  const tag = id3Length(head);
  if (tag > 0 ? mpegFrameAt(head, tag) : mpegFrameAt(head, 0)) {
    // ADTS AAC shares the sync bits but has layer 0, which mpegFrameAt refuses; what is left is MPEG audio.
    return { type: 'audio/mpeg', extension: 'mp3' };
  }
  if (head[0] === 0xff && (head[1] & 0xf6) === 0xf0) return { type: 'audio/aac', extension: 'aac' };
  return null;
}
