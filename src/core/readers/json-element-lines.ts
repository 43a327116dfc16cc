import { isEscaped } from './json-text.js';

/**
 * The line on which each entry of one container of an (already validated) JSON document starts:
 * the elements of the array under the root object's `key`; without a key, the elements of a root
 * array, or the members of a root object (the line of each member's name). One pass over the text, so a log of many
 * megabytes is not parsed a second time just to point at lines.
 */
export function jsonEntryLines(text: string, key?: string): number[] {
  const lines: number[] = [];
  // For each open container: whether it is an object, and whether the next string in it is a name.
  const stack: { object: boolean; expectName: boolean; target: boolean }[] = [];
  let line = 1;
  let lastName: string | undefined;
  const inTarget = () => stack[stack.length - 1]?.target === true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') {
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === ':') continue;
    const top = stack[stack.length - 1];
    if (c === ',') {
      if (top?.object === true) top.expectName = true;
      continue;
    }
    if (c === '}' || c === ']') {
      stack.pop();
      continue;
    }
    if (c === '"') {
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
      if (end === -1) return lines;
      if (top?.object === true && top.expectName) {
        top.expectName = false;
        if (stack.length === 1) lastName = JSON.parse(text.slice(i, end + 1)) as string;
        if (key === undefined && stack.length === 1) lines.push(line);
      } else if (inTarget()) lines.push(line);
      for (let j = i; j < end; j++) if (text[j] === '\n') line++;
      i = end;
      continue;
    }
    // A value starts here: a container, or a number / true / false / null.
    if (inTarget()) lines.push(line);
    if (c === '{' || c === '[') {
      const target =
        c === '[' &&
        (key === undefined ? stack.length === 0 : stack.length === 1 && lastName === key && top?.object === true);
      stack.push({ object: c === '{', expectName: c === '{', target });
    } else {
      while (i + 1 < text.length && !',]}\n\r\t '.includes(text[i + 1] as string)) i++;
    }
  }
  return lines;
}
