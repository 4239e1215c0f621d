/**
 * The JSON value of a model object, encoded by a function compiled once from its zod
 * schema: objects with their keys in the schema's order (absent optional keys left out),
 * arrays and records element by element, the amount codecs `Wan` and `Yuan` by their own
 * encoders, every other leaf as it is. It gives exactly what `z.encode(schema, value)`
 * gives for a value of the schema's type, without validating it again on the way: a
 * build encodes a publication the derivation has just built with the schema's own types,
 * and zod's checking of every node cost more than deriving and rendering it together.
 *
 * The zod path stays the contract: `fromJson` decodes and validates with the schema, and
 * test/model.test.ts holds this encoder to `z.encode` (which validates) on every budget of
 * budgets/ and on generated ones. Any schema node this encoder does not know (a codec
 * other than the amounts', a default, a union) is encoded by zod itself.
 */
import { z } from "zod";
import { Wan, Yuan, wanExact, yuanExact } from "./types.js";

export type Encoder = (value: unknown) => unknown;

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly valueType?: z.ZodType;
}

const compiled = new WeakMap<z.ZodType, Encoder>();
const identity: Encoder = (v) => v;

/** The encoder of a schema, compiled on first use. */
export function encoderOf(schema: z.ZodType): Encoder {
  let e = compiled.get(schema);
  if (!e) {
    // Set before compiling the parts, so that a schema that contains itself terminates.
    let inner: Encoder = identity;
    compiled.set(schema, (v) => inner(v));
    inner = compile(schema);
    compiled.set(schema, inner);
    e = inner;
  }
  return e;
}

function compile(schema: z.ZodType): Encoder {
  if (schema === (Wan as z.ZodType)) return (v) => wanExact(v as number);
  if (schema === (Yuan as z.ZodType)) return (v) => yuanExact(v as number);
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case "string":
    case "number":
    case "boolean":
    case "enum":
    case "literal":
      return identity;
    case "optional": {
      const inner = encoderOf(def.innerType!);
      return (v) => (v === undefined ? undefined : inner(v));
    }
    case "array": {
      const element = encoderOf(def.element!);
      return (v) => (v as unknown[]).map((x) => element(x));
    }
    case "record": {
      const value = encoderOf(def.valueType!);
      return (v) => {
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(v as object)) out[k] = value((v as Record<string, unknown>)[k]);
        return out;
      };
    }
    case "object": {
      const keys = Object.keys(def.shape!);
      const parts = keys.map((k) => encoderOf(def.shape![k]!));
      return (v) => {
        const o = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) {
          const x = o[keys[i]!];
          if (x !== undefined) out[keys[i]!] = parts[i]!(x);
        }
        return out;
      };
    }
    default:
      return (v) => z.encode(schema, v as never);
  }
}
