import { roundNumbers } from './report.js';

/**
 * reportToJson's text in pieces, so a report of a hundred thousand cohorts is never one string of
 * hundreds of megabytes (nor its escaped copy, nor its output buffer). Joined, the pieces are exactly
 * reportToJson(report): the same key order, rounding and two-space indentation. The elements of a
 * top-level array come a hundred to a piece, and every piece is whole lines (it ends with a line feed), so
 * escaping each piece with escapeOutputLines gives the same bytes as escaping the whole text: every
 * escaping rule looks within one line only.
 *
 * Meant for plain data such as a GateReport: an element's toJSON (which reports never have) would be
 * called with the key "" rather than its index.
 */
export function* reportJsonChunks(report: object): Generator<string, void, undefined> {
  let pending = '{';
  let first = true;
  // Object.entries lists the keys in the order JSON.stringify writes them.
  for (const [key, value] of Object.entries(report)) {
    const name = `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield `${pending}${name}[\n`;
      yield* arrayElements(key, value);
      pending = '  ]';
      first = false;
      continue;
    }
    const text = JSON.stringify(value, roundNumbers, 2) as string | undefined;
    // A member JSON cannot write is left out, as JSON.stringify leaves it out.
    if (text === undefined) continue;
    pending += `${name}${indented(text, '  ')}`;
    first = false;
  }
  yield first ? '{}\n' : `${pending}\n}\n`;
}

/** Elements per piece: measured, batches of a hundred stringify as fast as the whole report; larger ones slower. */
const ELEMENTS_PER_PIECE = 100;

/**
 * A top-level array's elements, a batch per piece. Written as the only member of
 * an object, a batch's elements are already at the depth and indentation they have in the report;
 * what wraps them is cut off.
 */
function* arrayElements(key: string, elements: readonly unknown[]): Generator<string, void, undefined> {
  const head = `{\n  ${JSON.stringify(key)}: [\n`.length;
  const tail = '\n  ]\n}'.length;
  for (let start = 0; start < elements.length; start += ELEMENTS_PER_PIECE) {
    const end = Math.min(start + ELEMENTS_PER_PIECE, elements.length);
    const text = JSON.stringify({ [key]: elements.slice(start, end) }, roundNumbers, 2);
    yield `${text.slice(head, text.length - tail)}${end < elements.length ? ',' : ''}\n`;
  }
}

/** Text written at depth 0, moved deeper: JSON strings hold no raw line feed, so each one starts a line. */
function indented(text: string, indent: string): string {
  return text.includes('\n') ? text.replace(/\n/g, `\n${indent}`) : text;
}

/** Pieces joined into runs of at least `size` characters (the last may be shorter): fewer, larger writes. */
export function* joinedPieces(pieces: Iterable<string>, size: number): Generator<string, void, undefined> {
  let run: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    run.push(piece);
    length += piece.length;
    if (length >= size) {
      yield run.join('');
      run = [];
      length = 0;
    }
  }
  if (run.length > 0) yield run.join('');
}
