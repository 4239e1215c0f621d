/**
 * Humane syntax-error messages. Chevrotain's defaults speak to parser authors; these say
 * what was expected and what was found, in Chinese and English. The provider returns
 * both languages as JSON, which parser.ts turns back into a bilingual diagnostic.
 */
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import type { Bilingual } from "../base/diagnostics.js";
import { KEYWORD_BY_NAME } from "./keywords.js";

const TOKEN_NAMES: Record<string, Bilingual> = {
  Number: { zh: "数字", en: "a number" },
  String: { zh: "字符串", en: "a string" },
  BadString: { zh: "字符串", en: "a string" },
  Text: { zh: "文字块", en: "a text block" },
  BadText: { zh: "文字块", en: "a text block" },
  Word: { zh: "词", en: "a word" },
  Date: { zh: "日期", en: "a date" },
  LBrace: { zh: "「{」", en: "'{'" },
  RBrace: { zh: "「}」", en: "'}'" },
  Junk: { zh: "语句", en: "a statement" },
  EOF: { zh: "文件结尾", en: "the end of the file" },
};

/** How a token type is named in messages: 「科目」 for keywords, 数字 for numbers. */
export function describeType(t: TokenType): Bilingual {
  const kw = KEYWORD_BY_NAME.get(t.name);
  if (kw) return { zh: `「${kw.zh}」`, en: `'${kw.zh}' (${kw.en})` };
  return TOKEN_NAMES[t.name] ?? { zh: t.name, en: t.name };
}

function shorten(s: string): string {
  // Only the beginning is shown, so only the beginning is copied: a token may be megabytes long.
  const head = s.length > 1000 ? s.slice(0, 1000) : s;
  const one = head.replace(/\s+/g, " ");
  const cut = [...one].slice(0, 24).join("");
  return JSON.stringify(cut.length < one.length || head.length < s.length ? cut + "…" : cut);
}

/** How a found token is named: its kind and its text. */
export function describeToken(t: IToken): Bilingual {
  if (t.tokenType === EOF || isNaN(t.startOffset)) return TOKEN_NAMES["EOF"]!;
  const kw = KEYWORD_BY_NAME.get(t.tokenType.name);
  if (kw) return { zh: `「${t.image}」`, en: `'${t.image}'` };
  const kind = describeType(t.tokenType);
  if (t.tokenType.name === "LBrace" || t.tokenType.name === "RBrace") return kind;
  if (t.tokenType.name === "String" || t.tokenType.name === "Text") {
    const inner = shorten(t.image.replace(/^"+|"+$/g, ""));
    return { zh: `${kind.zh} ${inner}`, en: `${kind.en} ${inner}` };
  }
  return { zh: `${kind.zh} ${shorten(t.image)}`, en: `${kind.en} ${shorten(t.image)}` };
}

function list(types: TokenType[], lang: "zh" | "en"): string {
  const names = [...new Set(types.map((t) => describeType(t)[lang]))];
  return lang === "zh" ? names.join("或") : names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

const json = (zh: string, en: string): string => JSON.stringify({ zh, en });

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    const found = describeToken(actual);
    const exp = describeType(expected);
    const after = previous && !isNaN(previous.startOffset) ? describeToken(previous) : undefined;
    return json(
      `${after ? `在${after.zh}之后` : ""}应为${exp.zh}，却是${found.zh}`,
      `expected ${exp.en}${after ? ` after ${after.en}` : ""}, found ${found.en}`,
    );
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    const found = describeToken(firstRedundant);
    return json(`多余的${found.zh}`, `unexpected ${found.en}`);
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous }) {
    const firsts = expectedPathsPerAlt.flatMap((alt) => alt.map((path) => path[0]!).filter(Boolean));
    const found = describeToken(actual[0]!);
    const after = previous && !isNaN(previous.startOffset) ? describeToken(previous) : undefined;
    return json(
      `${after ? `在${after.zh}之后` : ""}应为${list(firsts, "zh")}，却是${found.zh}`,
      `expected ${list(firsts, "en")}${after ? ` after ${after.en}` : ""}, found ${found.en}`,
    );
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous }) {
    const firsts = expectedIterationPaths.map((p) => p[0]!).filter(Boolean);
    const found = describeToken(actual[0]!);
    const after = previous && !isNaN(previous.startOffset) ? describeToken(previous) : undefined;
    return json(
      `${after ? `${after.zh}之后` : ""}至少需要一个${list(firsts, "zh")}，却是${found.zh}`,
      `expected at least one ${list(firsts, "en")}${after ? ` after ${after.en}` : ""}, found ${found.en}`,
    );
  },
};
