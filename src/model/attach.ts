/**
 * Which performance form belongs to which project: a project's own form (written inside
 * it) first, then each form written on its own (`绩效 "项目名" { … }`) to the first
 * project of the name it gives (names compared by nameKey: width, white space and
 * invisible characters aside). A project has at most one form in the publication; a
 * further form naming it, or a form naming no project, is kept aside, and the checker
 * reports both.
 */
import { nameKey } from "../base/names.js";
import type * as A from "../syntax/ast.js";
import type { UnattachedForm } from "./types.js";

export interface Attachment {
  /** True when the budget has any project performance form at all. */
  readonly anyForms: boolean;
  /** Every form of each project, by the project's index: its own first, then forms naming it. */
  readonly formsOf: readonly (readonly A.PerformanceForm[])[];
  /** The index of the first project of each name, keyed by nameKey. */
  readonly projectByName: ReadonlyMap<string, number>;
  /** The form the publication prints for a project (its first), by the project's index. */
  readonly published: ReadonlyMap<number, A.PerformanceForm>;
  /** Forms written on their own that name no project, in source order. */
  readonly orphans: readonly A.PerformanceForm[];
  /** The forms kept out of the publication, as the model lists them. */
  readonly unattached: readonly UnattachedForm[];
}

export function attachForms(budget: A.Budget): Attachment {
  const formsOf: A.PerformanceForm[][] = budget.projects.map((p) => (p.performance ? [p.performance] : []));
  const projectByName = new Map<string, number>();
  budget.projects.forEach((p, i) => {
    const key = nameKey(p.name.value);
    if (!projectByName.has(key)) projectByName.set(key, i);
  });
  const orphans: A.PerformanceForm[] = [];
  const unattached: UnattachedForm[] = [];
  for (const f of budget.forms) {
    const name = f.project?.value ?? "";
    const i = projectByName.get(nameKey(name));
    if (i === undefined) {
      orphans.push(f);
      unattached.push({ project: name, reason: "no-such-project" });
    } else {
      if (formsOf[i]!.length) unattached.push({ project: name, reason: "duplicate" });
      formsOf[i]!.push(f);
    }
  }
  const published = new Map<number, A.PerformanceForm>();
  formsOf.forEach((fs, i) => {
    if (fs.length) published.set(i, fs[0]!);
  });
  return { anyForms: budget.forms.length > 0 || budget.projects.some((p) => p.performance), formsOf, projectByName, published, orphans, unattached };
}
