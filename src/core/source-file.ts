/** A small input file read whole (a policy, a manifest): its path, its text, and the SHA-256 of that text. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
  readonly sha256: string;
}
