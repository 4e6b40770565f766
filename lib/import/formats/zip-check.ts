// Checks a zip archive's parts against their stored checksums and sizes before anyone reads them.
import 'server-only';
import { crc32, inflateRawSync } from 'node:zlib';
import { ImportError } from '../errors';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
// No transcript's part comes near this; a part that inflates past it is a zip bomb, not a document.
export const MAX_PART_BYTES = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES = 4 * MAX_PART_BYTES;

function tooLarge(detail: string): ImportError {
  return new ImportError(`the Word document is too large to import: ${detail}`);
}

function damaged(detail: string): ImportError {
  return new ImportError(`the file could not be read as a Word document (.docx): the file is damaged (${detail})`);
}

/**
 * mammoth's zip reader does not compare checksums, so a flipped byte inside a compressed part can
 * change a word with no error. Every part is inflated here (with a ceiling) and its CRC-32 checked,
 * so a damaged file is refused instead of imported with altered words.
 */
export function assertZipIntact(bytes: Uint8Array): void {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(data);
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL_ENTRY) throw damaged('its table of contents is cut short');
    const method = data.readUInt16LE(at + 10);
    const crc = data.readUInt32LE(at + 16);
    const compressedSize = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const name = data.toString('latin1', at + 46, at + 46 + nameLength);
    total += size;
    if (total > MAX_TOTAL_BYTES) throw tooLarge(`its parts hold more than ${MAX_TOTAL_BYTES / 1024 / 1024} MB`);
    checkPart(data, data.readUInt32LE(at + 42), { name, method, crc, compressedSize, size });
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
}

interface PartEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
}

function checkPart(data: Buffer, offset: number, entry: PartEntry): void {
  if (offset + 30 > data.length || data.readUInt32LE(offset) !== LOCAL_HEADER) throw damaged(`part ${entry.name} cannot be found`);
  const start = offset + 30 + data.readUInt16LE(offset + 26) + data.readUInt16LE(offset + 28);
  if (start + entry.compressedSize > data.length) throw damaged(`part ${entry.name} is cut short`);
  if (entry.size > MAX_PART_BYTES) throw tooLarge(`part ${entry.name} holds more than ${MAX_PART_BYTES / 1024 / 1024} MB`);
  const stored = data.subarray(start, start + entry.compressedSize);
  let content: Buffer;
  if (entry.method === 0) content = stored;
  else if (entry.method === 8) {
    try {
      content = inflateRawSync(stored, { maxOutputLength: MAX_PART_BYTES });
    } catch {
      throw damaged(`part ${entry.name} cannot be decompressed`);
    }
  } else throw damaged(`part ${entry.name} uses a compression Word does not write (method ${entry.method})`);
  if (content.length !== entry.size || crc32(content) !== entry.crc) throw damaged(`part ${entry.name} does not match its checksum`);
}

function findEndOfCentralDirectory(data: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw damaged('its zip archive has no table of contents: it is cut short or not a zip');
}
