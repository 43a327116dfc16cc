import { describe, expect, it } from 'vitest';
import { jsonEntryLines } from '../../src/core/readers/json-element-lines.js';

describe('jsonEntryLines', () => {
  it('gives the line of each element of the array under a key (an MLflow table re-indented)', () => {
    const text = '{\n  "columns": ["a", "b"],\n  "data": [\n    [1, "x"],\n    [\n      2, "y"\n    ]\n  ]\n}\n';
    expect(jsonEntryLines(text, 'data')).toEqual([4, 5]);
  });

  it('gives the line of each element of a root array (pandas records), strings with escaped quotes included', () => {
    const text = '[\n  {"q": "a \\"quoted\\" [x]"},\n  {"q": "b"},\n  "c"\n]\n';
    expect(jsonEntryLines(text)).toEqual([2, 3, 4]);
  });

  it('gives the line of each member name of a root object', () => {
    expect(jsonEntryLines('{\n"0": {"p": 1},\n"1": {"p": 2}\n}')).toEqual([2, 3]);
  });
});
