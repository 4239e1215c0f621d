/**
 * A derivation: the publication model of one budget, computed from the AST and the
 * catalogue once, in parts, each part on first use. The checker reads the parts its rules
 * need (the totals, which form belongs to which project, the economic figures) and a
 * build reads the whole publication, from the same object, so every figure that both use
 * is computed in one place.
 *
 * The parts, and the module that computes each:
 * - units (units.ts) and items (items.ts): the budget flattened into amounts;
 * - totals (totals.ts): this year's and carried-over amounts by source;
 * - functional (functional.ts): the subject trees and tables 一 to 五, 七 to 九;
 * - economic (economic.ts): 表六, the "三公" of 表十, the 机关运行经费 of 表十一;
 * - projects (projects.ts): 表十二 and 表十三;
 * - attachment (attach.ts): which performance form belongs to which project, and
 *   coverage (coverage.ts): how many projects and how much money those forms cover;
 * - publication: the above, with the prose (prose.ts), charts (charts.ts), forms
 *   (forms.ts) and assets (assets.ts).
 *
 * With `trace: true` every figure records the source amounts that make it (trace.ts), for
 * `yusuan trace` and `build --provenance`. Nothing here throws on a well-typed AST with
 * parts missing: a missing part yields an empty table or an absent figure.
 */
import type { Catalogue } from "../catalogue/types.js";
import type * as A from "../syntax/ast.js";
import { attachForms, type Attachment } from "./attach.js";
import { buildAssets } from "./assets.js";
import { buildCharts } from "./charts.js";
import { buildExplanations } from "./explanations.js";
import { accumulateEconomic, economicTables, type Economic } from "./economic.js";
import { buildOverall, buildProjectForms } from "./forms.js";
import { accumulateFunctional, functionalTables, type Functional } from "./functional.js";
import { budgetItems, economicItems, type EconomicItem, type Item } from "./items.js";
import { projectTable } from "./projects.js";
import { derivedCoverage, type Coverage } from "./coverage.js";
import { buildProse } from "./prose.js";
import { sourceNames } from "./names.js";
import { accumulateTotals, type Totals } from "./totals.js";
import { NO_TRACE, Recorder, type Tracer } from "./trace.js";
import { genericTable } from "./generic.js";
import { DEFAULT_PROFILE, type ModelSpec } from "./spec.js";
import type { GenericTable, LedgerItem, ProjectLine, ProjectTable, Publication, Tables } from "./types.js";
import { resolveUnits, validKind, type UnitResolution } from "./units.js";

export interface DerivationOptions {
  /** Record every figure's sources (slower; for trace and --provenance). */
  readonly trace?: boolean;
  /** The profile's tables and lists; without it, the standard tables only (shanxi-13). */
  readonly spec?: ModelSpec;
}

export class Derivation {
  readonly tracer: Tracer;
  private _units?: UnitResolution;
  private _items?: Item[];
  private _totals?: Totals;
  private _coverage?: Coverage;
  private _functional?: Functional;
  private _economic?: Economic;
  private _economicItems?: EconomicItem[];
  private _names?: ReadonlyMap<string, string>;
  private _attachment?: Attachment;
  private _projects?: { t12: { table: ProjectTable; lines: ProjectLine[] }; t13: { table: ProjectTable; lines: ProjectLine[] } };
  private _publication?: Publication;

  constructor(
    readonly budget: A.Budget,
    readonly catalogue: Catalogue,
    options: DerivationOptions = {},
  ) {
    this.tracer = options.trace ? new Recorder() : NO_TRACE;
    this.spec = options.spec;
  }

  /** The profile's tables and lists, when the derivation is for a profile that defines any. */
  readonly spec: ModelSpec | undefined;

  /** The tables the profile defines as data, in its order. */
  profileTables(): GenericTable[] {
    const x = { items: this.items, economicItems: this.economicItems, catalogue: this.catalogue, units: this.units, names: this.names, year: this.year, tracer: this.tracer };
    return (this.spec?.tables ?? []).map((t) => genericTable(t, x));
  }

  /**
   * The unit the tables print amounts in unless a profile's table states its own: the
   * budget's 金额单位 (万元 unless it says 元; another value is the checker's to report). The
   * prose prints 万元 and the forms 元 whatever it is.
   */
  get moneyUnit(): "万元" | "元" {
    return this.budget.department?.moneyUnit?.value === "元" ? "元" : "万元";
  }

  /** The fiscal year: the budget's, else the catalogue's. */
  get year(): number {
    return this.budget.department?.year?.value ?? this.catalogue.year;
  }

  get units(): UnitResolution {
    return (this._units ??= resolveUnits(this.budget));
  }

  get items(): readonly Item[] {
    return (this._items ??= budgetItems(this.budget, this.units));
  }

  get totals(): Totals {
    return (this._totals ??= accumulateTotals(this.budget, this.tracer));
  }

  get functional(): Functional {
    return (this._functional ??= accumulateFunctional(this.items, this.tracer));
  }

  get economic(): Economic {
    return (this._economic ??= accumulateEconomic(this.economicItems, this.catalogue, this.names, this.units, this.tracer));
  }

  /** The amounts with an economic subject: basic lines, and projects' spending by economic subject. */
  get economicItems(): readonly EconomicItem[] {
    return (this._economicItems ??= economicItems(this.budget, this.units, this.items));
  }

  /** The names the budget writes for codes (a fallback where the catalogue has none). */
  get names(): ReadonlyMap<string, string> {
    return (this._names ??= sourceNames(this.budget));
  }

  get attachment(): Attachment {
    return (this._attachment ??= attachForms(this.budget));
  }

  private get projects() {
    if (!this._projects) {
      const deptName = this.budget.department?.name.value ?? "";
      const u = this.units;
      // Resolve every unit an item names before either table reads the unit order.
      void this.items;
      this._projects = {
        t12: projectTable(12, this.year, deptName, u.units, this.budget.projects, u.unitOf, this.tracer),
        t13: projectTable(13, this.year, deptName, u.units, this.budget.carryovers, u.unitOf, this.tracer),
      };
    }
    return this._projects;
  }

  /** The lines of 表十二 in the order the projects are written: each project's amount by source. */
  get projectLines(): readonly ProjectLine[] {
    return this.projects.t12.lines;
  }

  /** The coverage of performance targets the projects' forms give (coverage.ts). */
  get coverage(): Coverage {
    return (this._coverage ??= derivedCoverage(this.budget, this.attachment, this.projectLines, this.units, this.tracer));
  }

  /** Every table of the publication. */
  tables(): Tables {
    const f = functionalTables(this.functional, this.totals, this.year, this.catalogue, this.names, this.tracer);
    const e = economicTables(this.economic, this.year, this.catalogue, this.names, this.units.units, this.tracer);
    return { t1: f.t1, t2: f.t2, t3: f.t3, t4: f.t4, t5: f.t5, t6: e.t6, t7: f.t7, t8: f.t8, t9: f.t9, t10: e.t10, t11: e.t11, t12: this.projects.t12.table, t13: this.projects.t13.table };
  }

  /** The whole publication model. */
  publication(): Publication {
    if (this._publication) return this._publication;
    const budget = this.budget;
    const dept = budget.department;
    const year = this.year;
    const deptName = dept?.name.value ?? "";
    const deptCode = dept?.code?.value ?? "";
    const deptKind = validKind(dept?.kind?.value);
    const tables = this.tables();
    // The forms name the department by code and name, or by name when it has no code.
    const deptCodeName = deptCode ? `${deptCode}-${deptName}` : deptName;
    const projectForms = buildProjectForms(budget, tables.t12, this.projects.t12.lines, this.attachment.published, deptCodeName, this.units.unitOf, this.tracer, this.spec?.formOrder);
    const prose = buildProse(budget, tables, this.projects.t12.lines, projectForms, this.tracer);
    const explanations = buildExplanations({
      budget,
      catalogue: this.catalogue,
      names: this.names,
      totals: this.totals,
      economic: this.economic,
      tables,
      units: this.units,
      unitModels: this.units.units,
      projectLines: this.projects.t12.lines,
      fiscal: this.functional.fiscal,
      coverage: this.coverage,
      percentBase: this.spec?.percentBase ?? "exact",
      tracer: this.tracer,
    });
    return (this._publication = {
      format: "yusuan-publication",
      version: 1,
      profile: this.spec?.name ?? DEFAULT_PROFILE,
      header: {
        code: deptCode,
        name: deptName,
        year,
        ...(dept?.region ? { region: dept.region.value } : {}),
        moneyUnit: this.moneyUnit,
        ...(dept?.level ? { level: dept.level.value } : {}),
        ...(dept?.shortName ? { shortName: dept.shortName.value } : {}),
        ...(dept?.nameSuffix ? { nameSuffix: dept.nameSuffix.value } : {}),
        ...(deptKind ? { kind: deptKind } : {}),
        self: "本部门",
      },
      overview: {
        ...(dept?.duties ? { duties: dept.duties.value } : {}),
        ...(dept?.organisation ? { organisation: dept.organisation.value } : {}),
        sections: (dept?.sections ?? []).map((s) => s.value),
      },
      units: this.units.units,
      tables,
      ...(this.spec?.tables.length ? { profileTables: this.profileTables() } : {}),
      prose,
      explanations,
      charts: buildCharts(prose, tables, this.tracer),
      ...(budget.overall ? { overallForm: buildOverall(budget, budget.overall, year, deptCodeName, this.units.units, this.totals, this.tracer) } : {}),
      projectForms,
      unattachedForms: [...this.attachment.unattached],
      ...(budget.assets ? { assets: buildAssets(budget.assets, this.spec?.vehicleKinds) } : {}),
      ...(budget.notes
        ? {
            notes: {
              ...(budget.notes.purchasedServices ? { purchasedServices: budget.notes.purchasedServices.value } : {}),
              ...(budget.notes.other ? { other: budget.notes.other.value } : {}),
            },
          }
        : {}),
      ledger: this.ledger(),
    });
  }

  /** Every amount of the budget as the author states it, with its classifications (for the data package). */
  ledger(): LedgerItem[] {
    const { budget, catalogue, names } = this;
    const tr = this.tracer;
    return this.items.map((it): LedgerItem => {
      const name = it.kind === "project" ? budget.projects[it.index]?.name.value : it.kind === "carryover" ? budget.carryovers[it.index]?.name.value : undefined;
      const e = it.economic !== undefined ? catalogue.economic(it.economic) : undefined;
      const economicClass = it.economic !== undefined ? (e?.parent ?? it.economic.slice(0, 3)) : undefined;
      const entry: LedgerItem = {
        kind: it.kind,
        unit: it.unit,
        ...(name !== undefined ? { name } : {}),
        ...(it.subject !== undefined ? { subject: it.subject } : {}),
        subjectName: it.subject !== undefined ? (catalogue.functional(it.subject)?.name ?? names.get(it.subject) ?? "") : "",
        ...(it.economic !== undefined && economicClass !== undefined
          ? { economic: it.economic, economicName: e?.name ?? names.get(it.economic) ?? "", economicClass, economicClassName: catalogue.economic(economicClass)?.name ?? names.get(economicClass) ?? "" }
          : {}),
        source: it.source,
        amount: it.fen,
      };
      if (tr.on) tr.add(entry, "amount", it.money);
      return entry;
    });
  }
}

/** The publication model of a budget. */
export function derive(budget: A.Budget, catalogue: Catalogue, options?: DerivationOptions): Publication {
  return new Derivation(budget, catalogue, options).publication();
}
