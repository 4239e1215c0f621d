/**
 * The --catalogue option: a budget office's own classification catalogue, read from a
 * JSON file. Problems with the file are usage errors (exit 2), told plainly. The file's
 * schema (zod) is loaded only when the option is given.
 */
import type { Catalogue } from "../catalogue/types.js";
import type { Io } from "./io.js";
import type { Lang } from "./report.js";

/** A budget office's catalogue as read: the file, its parsed JSON (for worker threads) and the catalogue. */
export interface CustomCatalogue {
  readonly path: string;
  readonly json: unknown;
  readonly catalogue: Catalogue;
}

export async function loadCatalogueOption(io: Io, path: string | undefined, lang: Lang): Promise<CustomCatalogue | undefined | "usage"> {
  if (!path) return undefined;
  const text = io.readFile(path);
  if (text === undefined) {
    io.err(lang === "zh" ? `yusuan: 无法读取分类目录文件 ${path}\n` : `yusuan: cannot read the catalogue file ${path}\n`);
    return "usage";
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    io.err(lang === "zh" ? `yusuan: 分类目录文件 ${path} 不是有效的 JSON：${(e as Error).message}\n` : `yusuan: the catalogue file ${path} is not valid JSON: ${(e as Error).message}\n`);
    return "usage";
  }
  const catalogue = await catalogueFromFile(io, json, path, lang);
  return catalogue === "usage" ? "usage" : { path, json, catalogue };
}

async function catalogueFromFile(io: Io, json: unknown, path: string, lang: Lang): Promise<Catalogue | "usage"> {
  const { catalogueFromJson } = await import("../catalogue/file.js");
  const r = catalogueFromJson(json, path);
  if (!r.catalogue) {
    io.err((lang === "zh" ? `yusuan: 分类目录文件 ${path} 有误：\n` : `yusuan: the catalogue file ${path} has problems:\n`) + r.problems.map((p) => `  - ${p}\n`).join(""));
    return "usage";
  }
  return r.catalogue;
}
