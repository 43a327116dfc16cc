import type { TextSource } from '../input/text-source.js';
import type { FileProbe } from './reader-types.js';

const PROBE_CHARS = 64 * 1024;

/**
 * Reads the start of a file to recognize its format, and returns a source that replays that start
 * before the rest, so the file is still read once, as a stream.
 */
export async function peekSource(source: TextSource): Promise<{ probe: FileProbe; source: TextSource }> {
  const iterator = source.chunks()[Symbol.asyncIterator]();
  const buffered: string[] = [];
  let length = 0;
  let done = false;
  while (length < PROBE_CHARS) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    buffered.push(next.value);
    length += next.value.length;
  }
  const head = buffered.join('').slice(0, PROBE_CHARS);
  const replay: TextSource = {
    ...source,
    path: source.path,
    async *chunks() {
      yield* buffered;
      if (done) return;
      for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
    },
    sha256: () => source.sha256(),
  };
  return { probe: { path: source.path, head }, source: replay };
}
