/**
 * The machine-readable JSON of a publication. The schema in types.ts encodes it: amounts
 * become exact 万元 decimal strings ("7612.17"; 元 strings in the performance forms), and
 * keys come out in the order the schema declares them, so the output is the same byte
 * for byte for the same budget. Two-space indent and a trailing newline, for diffs.
 *
 * Reading it back is `Publication.parse(JSON.parse(text))`, which validates the JSON and
 * decodes the amounts to 分 again.
 */
import { z } from "zod";
import { Publication, type PublicationJson } from "./types.js";
import { encoderOf } from "./encode.js";

/** The publication as its JSON value (amounts as strings, keys in schema order), encoded and validated by zod. */
export function toJsonValue(p: Publication): PublicationJson {
  return z.encode(Publication, p);
}

/**
 * The publication as JSON text: deterministic, 2-space indent, trailing newline. Encoded
 * by the encoder compiled from the schema (encode.ts), which gives what `toJsonValue`
 * gives without validating the derivation's own output a second time.
 */
export function toJson(p: Publication): string {
  return JSON.stringify(encoderOf(Publication)(p), null, 2) + "\n";
}

/** Reads publication JSON back into the model, validating it; problems are returned, never thrown. */
export function fromJson(text: string): { value?: Publication; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { problems: [`not JSON: ${(e as Error).message}`] };
  }
  const r = Publication.safeDecode(raw as PublicationJson);
  if (r.success) return { value: r.data, problems: [] };
  return { problems: r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`) };
}
