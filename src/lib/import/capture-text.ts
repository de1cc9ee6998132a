import { ImportError } from './errors.ts';

/** One non-empty line of a capture, trimmed, with its 1-based line number in the file. */
export interface CaptureLine {
  /** 1-based line number in the capture file. */
  number: number;
  /** The line without surrounding spaces. */
  text: string;
}

/**
 * Turns a capture file's bytes into text, refusing what is not a plain-text capture: an empty file, a
 * binary file (a NUL byte or other control characters) and a file that is not valid UTF-8. `file` names
 * the file in messages.
 */
export function decodeCapture(file: string, bytes: Uint8Array): string {
  if (bytes.length === 0)
    throw new ImportError(`${file} is empty: export the article's page as plain text and try again`);
  const control = bytes.findIndex(
    (byte) => byte === 0 || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d),
  );
  if (control !== -1) {
    throw new ImportError(
      `${file} is a binary file, not a plain-text capture (byte 0x${bytes[control]?.toString(16).padStart(2, '0')} at offset ${control}); save the page as text (.txt) and import that`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, at).filter((byte) => byte === 0x0a).length + 1;
    throw new ImportError(
      `${file} is not UTF-8 text (invalid byte 0x${bytes[at]?.toString(16).padStart(2, '0')} on line ${line}); convert it first, e.g. iconv -f windows-1252 -t utf-8 ${file} > capture.txt`,
    );
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '')
    throw new ImportError(`${file} holds only blank lines: export the article's page as plain text and try again`);
  return text;
}

/**
 * Where a capture's lines end: a line feed, a carriage return and line feed (Windows), or a carriage
 * return alone (classic Mac OS). The provenance walk splits the stored capture the same way.
 */
export const CAPTURE_LINE_END = /\r\n|\r|\n/;

/** The non-empty lines of a capture, trimmed, with their line numbers. */
export function captureLines(text: string): CaptureLine[] {
  return text
    .split(CAPTURE_LINE_END)
    .map((line, index) => ({ number: index + 1, text: line.trim() }))
    .filter((line) => line.text !== '');
}

/** Offset of the first byte that breaks UTF-8 (the decoder only says that one does). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next += 1) {
      const continuation = bytes[index + next];
      if (continuation === undefined || (continuation & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return index;
}
