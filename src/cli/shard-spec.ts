/**
 * The `--shard I/N` of a build, read on its own: the command line checks it before
 * anything runs, without loading the build (shard.ts).
 */

export interface Shard {
  /** 1-based, as written on the command line. */
  readonly index: number;
  readonly count: number;
}

/** Reads `I/N`; undefined unless 1 ≤ I ≤ N ≤ 1000. */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count && count <= 1000 ? { index, count } : undefined;
}
