/**
 * 公务用车运行维护费 is budgeted only for vehicles the department holds: when the state
 * assets list its vehicles, a running cost needs at least one.
 */
import { bi } from "../../base/diagnostics.js";
import { FISCAL_SOURCES } from "../../syntax/ast.js";
import { basicLine, relatedLines, wanText } from "../facts.js";
import type { Rule } from "../rule.js";

const FISCAL: ReadonlySet<string> = new Set(FISCAL_SOURCES);

export const rule: Rule = {
  code: "three-public-vehicles",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    const b = ctx.budget;
    const assets = b.assets;
    if (!assets || (!assets.vehicles.length && !assets.vehicleQuota)) return;
    const running = ctx.model.economic.threePublic.get("vehicleOperation")!.total;
    if (running === 0) return;
    let vehicles = 0;
    for (const v of assets.vehicles) vehicles += /^\d+$/.test(v.count.number) ? Number(v.count.number) : 0;
    if (vehicles > 0) return;
    const at = assets.vehicles[0]?.count ?? assets.vehicleQuota!;
    ctx.report(at.span,
        bi(`国有资产中实有公务用车 0 辆，但安排了公务用车运行维护费 ${wanText(running)}`, `the state assets hold no official vehicle, but ${wanText(running)} of 公务用车运行维护费 is budgeted`),
        {
          related: relatedLines(b.basic, (l) => FISCAL.has(l.source.value) && ctx.catalogue.threePublic(l.economic.value) === "公务用车运行维护", basicLine).related,
          hint: bi("核对车辆情况，或取消运行维护费", "check the vehicles held, or remove the running cost"),
          data: { running: wanText(running).replace(/[,万元]/g, ""), vehicles: "0" },
        });
  },
};
