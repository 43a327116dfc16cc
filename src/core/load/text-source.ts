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

/** Splits a chunk stream into lines (LF or CRLF), numbering them from 1. */
export async function* readLines(source: TextSource): AsyncGenerator<{ text: string; line: number }> {
  let pending = '';
  let line = 0;
  for await (const chunk of source.chunks()) {
    pending += chunk;
    let start = 0;
    let newline = pending.indexOf('\n', start);
    while (newline !== -1) {
      line += 1;
      const end = newline > start && pending.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      yield { text: pending.slice(start, end), line };
      start = newline + 1;
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  if (pending.length > 0) {
    line += 1;
    yield { text: pending.endsWith('\r') ? pending.slice(0, -1) : pending, line };
  }
}

/** Reads a whole (small) source into one string: for summaries, policies and manifests. */
export async function readAll(source: TextSource): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of source.chunks()) parts.push(chunk);
  return parts.join('');
}
