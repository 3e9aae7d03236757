/**
 * Bytes → text. Plans come as UTF-8 (web captures) or GB18030/GBK (files saved by Chinese office
 * software). UTF-8 is tried first and strictly; GB18030 (a superset of GBK) second, through the
 * WHATWG TextDecoder that Node's full ICU provides. A UTF-8 byte-order mark is dropped, so every
 * offset the parser gives indexes the returned string.
 */
import { PlanParseError } from './errors.ts';

export interface DecodedText {
  readonly text: string;
  /** WHATWG name of the encoding used: "utf-8", "gb18030", "utf-16le", "utf-16be". */
  readonly encoding: string;
}

/** 1-based line of a byte offset (lines end with LF in every encoding tried here but UTF-16). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8's rules (RFC 3629), or -1 when all are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * A GB18030 decoder accepts many byte strings that were never Chinese text; a real plan decodes to
 * mostly CJK characters and CJK punctuation among its non-ASCII characters.
 */
function looksChinese(text: string): boolean {
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) cjk++;
    else if (c === 0x2014 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xb7)
      cjk++;
  }
  return nonAscii === 0 || cjk / nonAscii >= 0.8;
}

/**
 * Read leniently as UTF-8, GBK text turns almost wholly into U+FFFD; a UTF-8 text with a few bad
 * bytes keeps nearly all its characters.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  let nonAscii = 0;
  let replaced = 0;
  for (const ch of lenient) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (ch === '\ufffd') replaced++;
  }
  return nonAscii >= 10 && replaced / nonAscii < 0.1;
}

/** Decodes a plan file's bytes; throws EMPTY_INPUT, BINARY_INPUT or BAD_ENCODING when it cannot. */
export function decodePlanBytes(bytes: Uint8Array, file: string | null = null): DecodedText {
  if (bytes.length === 0)
    throw new PlanParseError('EMPTY_INPUT', null, 'a plan text', 'an empty file (0 bytes)', file);

  // UTF-16 only with its byte-order mark: without one, NUL bytes mean binary data.
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return finish(strictDecode('utf-16le', bytes), 'utf-16le', bytes, file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return finish(strictDecode('utf-16be', bytes), 'utf-16be', bytes, file);

  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new PlanParseError(
      'BINARY_INPUT',
      lineOfByte(bytes, nul),
      'a text file',
      `a NUL byte at offset ${nul} (binary data)`,
      file,
    );
  }

  const utf8 = strictDecode('utf-8', bytes); // the decoder drops a leading BOM itself
  if (utf8 !== null) return finish(utf8, 'utf-8', bytes, file);

  // UTF-8 with a few broken bytes is a damaged UTF-8 file, not GB18030 (which would read it as mojibake).
  const gb = mostlyUtf8(bytes) ? null : strictDecode('gb18030', bytes);
  if (gb !== null && looksChinese(gb)) return finish(gb, 'gb18030', bytes, file);

  const bad = Math.max(0, firstInvalidUtf8(bytes));
  const shown = Array.from(
    bytes.subarray(bad, bad + 4),
    (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`,
  );
  throw new PlanParseError(
    'BAD_ENCODING',
    lineOfByte(bytes, bad),
    'UTF-8 or GB18030 text',
    `bytes ${shown.join(' ')} at offset ${bad}, invalid in UTF-8${gb === null ? '' : ', and GB18030 reads the file as no Chinese text'}`,
    file,
  );
}

function finish(text: string | null, encoding: string, bytes: Uint8Array, file: string | null): DecodedText {
  if (text === null) {
    throw new PlanParseError(
      'BAD_ENCODING',
      null,
      `${encoding} text after its byte-order mark`,
      'invalid code units',
      file,
    );
  }
  if (text.trim() === '') {
    throw new PlanParseError(
      'EMPTY_INPUT',
      null,
      'a plan text',
      `only white space (${bytes.length} bytes)`,
      file,
    );
  }
  return { text, encoding };
}
