/**
 * The checker's rules, in the order they run: the facts a publication needs, then names
 * and references, then classification codes, then performance forms, then the figures an
 * author declares against the ones the budget derives. Each entry's code is its file name.
 */
import type { Rule } from "../rule.js";
import { rule as missingDepartment } from "./missing-department.js";
import { rule as missingFact } from "./missing-fact.js";
import { rule as categoryUnknown } from "./category-unknown.js";
import { rule as valueOutsideSet } from "./value-outside-set.js";
import { rule as placeholderText } from "./placeholder-text.js";
import { rule as pendingContent } from "./pending-content.js";
import { rule as selfReference } from "./self-reference.js";
import { rule as duplicateName } from "./duplicate-name.js";
import { rule as unresolvedReference } from "./unresolved-reference.js";
import { rule as unknownSubject } from "./unknown-subject.js";
import { rule as subjectNameMismatch } from "./subject-name-mismatch.js";
import { rule as subjectNameMissing } from "./subject-name-missing.js";
import { rule as subjectChanged } from "./subject-changed.js";
import { rule as subjectHierarchy } from "./subject-hierarchy.js";
import { rule as unknownEconomicSubject } from "./unknown-economic-subject.js";
import { rule as carryoverSource } from "./carryover-source.js";
import { rule as performanceFormCount } from "./performance-form-count.js";
import { rule as indicatorLevelPair } from "./indicator-level-pair.js";
import { rule as indicatorColumnMismatch } from "./indicator-column-mismatch.js";
import { rule as implausibleQuantity } from "./implausible-quantity.js";
import { rule as projectFundingTotal } from "./project-funding-total.js";
import { rule as periodFundingBelowAnnual } from "./period-funding-below-annual.js";
import { rule as oneYearFunding } from "./one-year-funding.js";
import { rule as fundingWithoutLevels } from "./funding-without-levels.js";
import { rule as costIndicatorMismatch } from "./cost-indicator-mismatch.js";
import { rule as costIndicatorUnreadable } from "./cost-indicator-unreadable.js";
import { rule as overallBudgetMismatch } from "./overall-budget-mismatch.js";
import { rule as overallCostIndicator } from "./overall-cost-indicator.js";
import { rule as controlTotalMismatch } from "./control-total-mismatch.js";
import { rule as unitSlip } from "./unit-slip.js";
import { rule as partExceedsWhole } from "./part-exceeds-whole.js";
import { rule as implausibleAmount } from "./implausible-amount.js";
import { rule as staffingSum } from "./staffing-sum.js";
import { rule as procurementTotal } from "./procurement-total.js";
import { rule as threePublicVehicles } from "./three-public-vehicles.js";
import { rule as lastYearMismatch } from "./last-year-mismatch.js";
import { rule as lastYearReasonMissing } from "./last-year-reason-missing.js";
import { rule as reasonPunctuation } from "./reason-punctuation.js";
import { rule as copiedText } from "./copied-text.js";
import { rule as unusedFact } from "./unused-fact.js";
import { rule as duplicateFigure } from "./duplicate-figure.js";
import { rule as subjectNotBudgeted } from "./subject-not-budgeted.js";
import { rule as projectEconomicTotal } from "./project-economic-total.js";
import { rule as fundingPartsTotal } from "./funding-parts-total.js";
import { rule as purposeAmountMismatch } from "./purpose-amount-mismatch.js";
import { rule as performanceCoverageMismatch } from "./performance-coverage-mismatch.js";
import { rule as procurementReserve } from "./procurement-reserve.js";
import { rule as vehiclePurchasePlan } from "./vehicle-purchase-plan.js";
import { rule as reasonContradictsChange } from "./reason-contradicts-change.js";
import { rule as unknownProfile } from "./unknown-profile.js";
import { rule as amountPrecision } from "./amount-precision.js";

export const RULES: readonly Rule[] = [
  missingDepartment,
  missingFact,
  unknownProfile,
  amountPrecision,
  categoryUnknown,
  valueOutsideSet,
  placeholderText,
  pendingContent,
  selfReference,
  duplicateName,
  duplicateFigure,
  unresolvedReference,
  unknownSubject,
  subjectChanged,
  subjectNameMismatch,
  subjectNameMissing,
  subjectHierarchy,
  unknownEconomicSubject,
  subjectNotBudgeted,
  carryoverSource,
  performanceFormCount,
  indicatorLevelPair,
  indicatorColumnMismatch,
  implausibleQuantity,
  projectFundingTotal,
  projectEconomicTotal,
  fundingPartsTotal,
  fundingWithoutLevels,
  periodFundingBelowAnnual,
  oneYearFunding,
  costIndicatorMismatch,
  costIndicatorUnreadable,
  overallBudgetMismatch,
  overallCostIndicator,
  performanceCoverageMismatch,
  controlTotalMismatch,
  purposeAmountMismatch,
  unitSlip,
  partExceedsWhole,
  implausibleAmount,
  staffingSum,
  procurementTotal,
  procurementReserve,
  threePublicVehicles,
  vehiclePurchasePlan,
  lastYearMismatch,
  lastYearReasonMissing,
  reasonContradictsChange,
  reasonPunctuation,
  copiedText,
  unusedFact,
];
