import { InputError } from '../errors.js';

/**
 * A file handed to the core by an adapter. The core never opens files itself: it reads chunks from
 * here, and the adapter computes the content hash while the chunks go by, so each input is read once.
 */
export interface TextSource {
  /** The path as the user gave it; used in every message about this file. */
  readonly path: string;
  /** The file's text, in order, in chunks of any size. May be iterated once. */
  chunks(): AsyncIterable<string>;
  /** sha256 (hex) of the bytes read; valid once chunks() has been fully consumed. */
  sha256(): string;
}

/** Lines of one chunk: texts[i] is line number firstLine + i. */
export interface LineBatch {
  readonly texts: string[];
  readonly firstLine: number;
}

/** The longest line the readers accept (in UTF-16 code units, about bytes for ASCII text). */
export const MAX_LINE_LENGTH = 16 * 1024 * 1024;

/**
 * Splits a chunk stream into lines (LF or CRLF), numbered from 1, handed out a chunk's worth at a
 * time: one await per chunk rather than per line keeps the per-line cost close to a plain loop.
 * Each chunk is searched once: an unfinished line is kept as pieces and joined only when its newline
 * arrives, so a long line costs time in proportion to its length, and one over MAX_LINE_LENGTH stops
 * the read (a file that is not line-oriented would otherwise be held whole in memory).
 */
export async function* readLineBatches(source: TextSource): AsyncGenerator<LineBatch> {
  const pieces: string[] = [];
  let pendingLength = 0;
  let line = 0;
  const tooLong = (): InputError =>
    new InputError(source.path, 'a line longer than 16 MiB: is this file JSONL?', { line: line + 1 });
  for await (const chunk of source.chunks()) {
    const texts: string[] = [];
    const firstLine = line + 1;
    let start = 0;
    let newline = chunk.indexOf('\n');
    while (newline !== -1) {
      if (pendingLength + newline - start > MAX_LINE_LENGTH) throw tooLong();
      let text = chunk.slice(start, newline);
      if (pieces.length > 0) {
        pieces.push(text);
        text = pieces.join('');
        pieces.length = 0;
        pendingLength = 0;
      }
      texts.push(text.endsWith('\r') ? text.slice(0, -1) : text);
      line += 1;
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) {
      pieces.push(start === 0 ? chunk : chunk.slice(start));
      pendingLength += chunk.length - start;
      if (pendingLength > MAX_LINE_LENGTH) throw tooLong();
    }
    if (texts.length > 0) yield { texts, firstLine };
  }
  if (pieces.length > 0) {
    const text = pieces.join('');
    yield { texts: [text.endsWith('\r') ? text.slice(0, -1) : text], firstLine: line + 1 };
  }
}

/** Reads a whole (small) source into one string: for summaries, policies and manifests. */
export async function readAll(source: TextSource): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of source.chunks()) parts.push(chunk);
  return parts.join('');
}
