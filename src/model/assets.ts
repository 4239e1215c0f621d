/**
 * 国有资产占有使用情况: vehicles by kind in the section's order (kinds written otherwise
 * after them), their total, office area and equipment, as stated.
 */
import { Dec } from "../base/money.js";
import type * as A from "../syntax/ast.js";
import { enumValue, VEHICLE_KIND } from "../syntax/enumerations.js";
import { VEHICLE_KINDS } from "./labels.js";
import type { AssetsModel } from "./types.js";

export function buildAssets(a: A.Assets): AssetsModel {
  const counts = new Map<string, Dec>();
  const order: string[] = [...VEHICLE_KINDS];
  for (const v of a.vehicles) {
    const written = v.kind.value;
    const kind = enumValue(VEHICLE_KIND, written) ?? written;
    if (!order.includes(kind)) order.push(kind);
    counts.set(kind, (counts.get(kind) ?? new Dec(0)).add(new Dec(v.count.number)));
  }
  const vehicles = order.map((kind) => ({ kind, count: (counts.get(kind) ?? new Dec(0)).toString() }));
  let total = new Dec(0);
  for (const c of counts.values()) total = total.add(c);
  return {
    ...(a.asOf ? { asOf: a.asOf.value } : {}),
    ...(a.vehicleQuota ? { vehicleQuota: a.vehicleQuota.number } : {}),
    vehicleTotal: total.toString(),
    vehicles,
    ...(a.officeArea ? { officeArea: { number: a.officeArea.number, unit: a.officeArea.unit } } : {}),
    equipment: a.equipment.map((e) => ({ threshold: e.threshold.text, count: e.count.number })),
  };
}
