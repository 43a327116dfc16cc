// Typed access to the plain-JavaScript documentation generator under scripts/docs/, which the
// TypeScript project does not compile (it has no allowJs). Imported by URL so tsc does not resolve it.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

export interface GeneratedFile {
  readonly file: string;
  readonly current: string;
  readonly expected: string;
}

export interface DocsGenerator {
  readonly generatedFiles: (root: string) => Promise<GeneratedFile[]>;
  readonly documentationFiles: (root: string) => string[];
  readonly BLOCKS: Record<string, { readonly file: string; readonly source: string }>;
}

export interface FindingTableModule {
  readonly findingIds: (root: string) => Map<string, Set<string>>;
  readonly findingTable: (root: string) => { markdown: string; undocumented: string[] };
}

export interface MarkdownModule {
  readonly findBlocks: (text: string) => Map<string, string>;
  readonly replaceBlocks: (text: string, bodies: Record<string, string>) => string;
}

async function load<T>(root: string, path: string): Promise<T> {
  return (await import(pathToFileURL(resolve(root, path)).href)) as T;
}

export const docsGenerator = (root: string) => load<DocsGenerator>(root, 'scripts/docs/generate.js');
export const findingTableModule = (root: string) => load<FindingTableModule>(root, 'scripts/docs/finding-table.js');
export const markdownModule = (root: string) => load<MarkdownModule>(root, 'scripts/docs/markdown.js');
