/**
 * 国有资产占有使用情况: vehicles by kind in the profile's order (kinds written otherwise
 * after them), their total, office area and equipment, as stated; and the year's
 * purchases of vehicles and equipment in the same kinds.
 */
import { Dec } from "../base/money.js";
import type * as A from "../syntax/ast.js";
import { enumValue, VEHICLE_KIND } from "../syntax/enumerations.js";
import { VEHICLE_KINDS } from "./labels.js";
import type { AssetsModel } from "./types.js";

type Vehicles = readonly { readonly kind: A.Located<string>; readonly count: A.Quantity }[];

/** Vehicles by kind: every kind of the list (0 when none), then kinds written otherwise; and their total. */
function byKind(vehicles: Vehicles, kinds: readonly string[]): { vehicles: { kind: string; count: string }[]; vehicleTotal: string } {
  const counts = new Map<string, Dec>();
  const order: string[] = [...kinds];
  for (const v of vehicles) {
    const written = v.kind.value;
    const kind = enumValue(VEHICLE_KIND, written) ?? written;
    if (!order.includes(kind)) order.push(kind);
    counts.set(kind, (counts.get(kind) ?? new Dec(0)).add(new Dec(v.count.number)));
  }
  let total = new Dec(0);
  for (const c of counts.values()) total = total.add(c);
  return { vehicles: order.map((kind) => ({ kind, count: (counts.get(kind) ?? new Dec(0)).toString() })), vehicleTotal: total.toString() };
}

/** The asset section; `kinds` are the profile's vehicle kinds (Shanxi's seven by default). */
export function buildAssets(a: A.Assets, kinds: readonly string[] = VEHICLE_KINDS): AssetsModel {
  const held = byKind(a.vehicles, kinds);
  const bought = byKind(a.vehiclePurchases ?? [], kinds);
  return {
    ...(a.asOf ? { asOf: a.asOf.value } : {}),
    ...(a.vehicleQuota ? { vehicleQuota: a.vehicleQuota.number } : {}),
    vehicleTotal: held.vehicleTotal,
    vehicles: held.vehicles,
    ...(a.officeArea ? { officeArea: { number: a.officeArea.number, unit: a.officeArea.unit } } : {}),
    equipment: a.equipment.map((e) => ({ threshold: e.threshold.text, count: e.count.number })),
    purchases: {
      vehicleTotal: bought.vehicleTotal,
      vehicles: bought.vehicles,
      equipment: (a.equipmentPurchases ?? []).map((e) => ({ threshold: e.threshold.text, count: e.count.number })),
    },
  };
}
