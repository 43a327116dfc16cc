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

/**
 * Splits a chunk stream into lines (LF or CRLF), numbered from 1, handed out a chunk's worth at a
 * time: one await per chunk rather than per line keeps the per-line cost close to a plain loop.
 */
export async function* readLineBatches(source: TextSource): AsyncGenerator<LineBatch> {
  let pending = '';
  let line = 0;
  for await (const chunk of source.chunks()) {
    pending += chunk;
    const texts: string[] = [];
    const firstLine = line + 1;
    let start = 0;
    let newline = pending.indexOf('\n', start);
    while (newline !== -1) {
      const end = newline > start && pending.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      texts.push(pending.slice(start, end));
      start = newline + 1;
      newline = pending.indexOf('\n', start);
    }
    line += texts.length;
    pending = pending.slice(start);
    if (texts.length > 0) yield { texts, firstLine };
  }
  if (pending.length > 0) yield { texts: [pending.endsWith('\r') ? pending.slice(0, -1) : pending], firstLine: line + 1 };
}

/** Reads a whole (small) source into one string: for summaries, policies and manifests. */
export async function readAll(source: TextSource): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of source.chunks()) parts.push(chunk);
  return parts.join('');
}
