/**
 * Derivation's entry point and the model's public helpers. The work is done in parts by
 * the modules that derivation.ts lists; this module re-exports what the checker, the
 * renderer and the tests use, so that they import the model from one place.
 */
export { derive, Derivation, type DerivationOptions } from "./derivation.js";
export { attachForms, type Attachment } from "./attach.js";
export { addCells, fiscalOnly, sumBySource, zeroCells, type Cells } from "./cells.js";
export { change, compare } from "./compare.js";
export { fundingLevels } from "./forms.js";
export { attributeLabel, canonicalLevel, groupIndicators } from "./indicators.js";
export { budgetItems, type Item } from "./items.js";
export { chineseNumber, PROJECT_CATEGORIES, tableTitle, VEHICLE_KINDS } from "./labels.js";
export { countByCategory } from "./prose.js";
export { kuanOf, leiOf, subjectTree, SubjectTreeBuilder, type SubjectRowOf } from "./subjects.js";
export { amountOf, type Totals } from "./totals.js";
export { DEFAULT_UNIT_KIND, resolveUnits, type UnitResolution } from "./units.js";
