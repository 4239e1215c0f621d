/**
 * What changed between two catalogues (typically two years): codes added, removed,
 * renamed, and moved. Subjects are keyed by code; a code that disappears while a code of
 * the same level and name appears under a parent of the same name is read as a move
 * (财政部 renumbers a 项 when it moves it), provided that the pairing is unambiguous.
 */
import type { Catalogue, EconomicSubject, FunctionalSubject, SubjectList } from "./types.js";

export type ChangeKind = "added" | "removed" | "renamed" | "moved";

export interface CatalogueChange {
  readonly list: SubjectList;
  readonly kind: ChangeKind;
  /** The code in the old catalogue (the new one for an added code). */
  readonly code: string;
  readonly level: string;
  /** The name in the new catalogue (the old one for a removed code). */
  readonly name: string;
  /** For a rename: the old name. */
  readonly oldName?: string;
  /** For a move: the new code. */
  readonly to?: string;
}

export const LISTS: readonly SubjectList[] = ["functional", "department", "government"];

type Subject = FunctionalSubject | EconomicSubject;

/** The changes from `before` to `after`, list by list, codes ascending. */
export function diffCatalogues(before: Catalogue, after: Catalogue): CatalogueChange[] {
  const out: CatalogueChange[] = [];
  for (const list of LISTS) {
    const a = new Map(before.subjects(list).map((s) => [s.code, s]));
    const b = new Map(after.subjects(list).map((s) => [s.code, s]));
    const lookupA = (c: string | undefined) => (c === undefined ? undefined : a.get(c));
    const lookupB = (c: string | undefined) => (c === undefined ? undefined : b.get(c));
    const removed = [...a.values()].filter((s) => !b.has(s.code));
    const added = [...b.values()].filter((s) => !a.has(s.code));
    // A move: same level, same name, parents of the same name; one candidate each way.
    const key = (s: Subject, parentName: string | undefined) => `${s.level}\u0000${s.name}\u0000${parentName ?? ""}`;
    const removedBy = groupBy(removed, (s) => key(s, lookupA(s.parent)?.name));
    const addedBy = groupBy(added, (s) => key(s, lookupB(s.parent)?.name));
    const moved = new Map<string, Subject>();
    for (const [k, rs] of removedBy) {
      const as = addedBy.get(k);
      if (rs.length === 1 && as?.length === 1) moved.set(rs[0]!.code, as[0]!);
    }
    const movedTo = new Set([...moved.values()].map((s) => s.code));
    const changes: CatalogueChange[] = [];
    for (const s of removed) {
      const to = moved.get(s.code);
      changes.push(to ? { list, kind: "moved", code: s.code, level: s.level, name: to.name, to: to.code } : { list, kind: "removed", code: s.code, level: s.level, name: s.name });
    }
    for (const s of added) if (!movedTo.has(s.code)) changes.push({ list, kind: "added", code: s.code, level: s.level, name: s.name });
    for (const [code, s] of a) {
      const t = b.get(code);
      if (t && t.name !== s.name) changes.push({ list, kind: "renamed", code, level: t.level, name: t.name, oldName: s.name });
    }
    out.push(...changes.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0)));
  }
  return out;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    l.push(t);
  }
  return m;
}
