/**
 * The encoding of a source file. Budget sources are UTF-8; a UTF-8 byte order mark is
 * accepted and dropped. A file in another encoding is recognised rather than read as
 * mojibake: GB18030 (and GBK, its subset, which Windows and WPS save by default) and
 * UTF-16 (with a byte order mark, or without one when its zero bytes give it away).
 * Such a file is decoded, so that its statements can still be read and checked, and
 * reported once (`file-encoding`): other tools (git, editors, the finance bureau's
 * systems) read sources as UTF-8, and `yusuan fmt --write` converts it.
 *
 * Pure: bytes in, text out (TextDecoder is the platform's, with Node's built-in ICU).
 */
import { bi, type Bilingual, type Diagnostic } from "../base/diagnostics.js";
import { LOADING_CODES } from "./codes.js";

/** The encodings a source can be read in; "unknown" when none decodes it. */
export type SourceEncoding = "utf-8" | "gb18030" | "utf-16le" | "utf-16be" | "unknown";

export interface DecodedSource {
  /** The text; empty when the encoding is unknown (nothing could be read). */
  readonly text: string;
  readonly encoding: SourceEncoding;
}

/** How each encoding that can be read is named to people. */
const ENCODING_NAMES: Readonly<Record<Exclude<SourceEncoding, "unknown">, Bilingual>> = {
  "utf-8": bi("UTF-8", "UTF-8"),
  gb18030: bi("GB18030（GBK）", "GB18030 (GBK)"),
  "utf-16le": bi("UTF-16LE", "UTF-16LE"),
  "utf-16be": bi("UTF-16BE", "UTF-16BE"),
};

/** The name of an encoding, for messages. */
export function encodingName(encoding: Exclude<SourceEncoding, "unknown">): Bilingual {
  return ENCODING_NAMES[encoding];
}

function decode(label: string, bytes: Uint8Array): string | undefined {
  try {
    // The decoder drops a byte order mark of its own encoding at the start.
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 without a byte order mark: source text is full of ASCII (keywords' English
 * aliases aside, digits, spaces, line breaks, quotes, braces), whose high byte is zero,
 * while UTF-8 text has no zero bytes at all. A quarter of one parity's bytes zero and
 * almost none of the other's is UTF-16.
 */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = bytes.length - (bytes.length % 2);
  if (n < 4 || bytes.indexOf(0) === -1) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs / 4 && even <= pairs / 50) return "utf-16le";
  if (even >= pairs / 4 && odd <= pairs / 50) return "utf-16be";
  return undefined;
}

/** Decodes a source file's bytes, recognising the encodings above. */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const bom16 = b0 === 0xff && b1 === 0xfe ? "utf-16le" : b0 === 0xfe && b1 === 0xff ? "utf-16be" : undefined;
  const utf16 = bom16 ?? utf16WithoutBom(bytes);
  if (utf16) {
    const text = decode(utf16, bytes);
    if (text !== undefined) return { text, encoding: utf16 };
  }
  const utf8 = decode("utf-8", bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: "utf-8" };
  const gb = decode("gb18030", bytes);
  if (gb !== undefined) return { text: gb, encoding: "gb18030" };
  return { text: "", encoding: "unknown" };
}

/** The one diagnostic of a file that is not UTF-8, located at its start. */
export function encodingDiagnostic(path: string, encoding: Exclude<SourceEncoding, "utf-8">): Diagnostic {
  const span = { file: path, start: 0, end: 0 };
  if (encoding === "unknown")
    return LOADING_CODES.diag(
      "file-encoding",
      span,
      bi(`文件 ${path} 不是 UTF-8 编码，也无法按 GB18030（GBK）或 UTF-16 读取`, `${path} is not UTF-8, and it cannot be read as GB18030 (GBK) or UTF-16 either`),
      {
        hint: bi("在编辑器中以 UTF-8 编码另存该文件（记事本、WPS：另存为 → 编码 UTF-8）", "save the file again as UTF-8 in its editor (Notepad, WPS: Save as → encoding UTF-8)"),
        data: { encoding: "unknown" },
      },
    );
  const name = ENCODING_NAMES[encoding];
  return LOADING_CODES.diag("file-encoding", span, bi(`文件 ${path} 是 ${name.zh} 编码，预算源文件须为 UTF-8`, `${path} is encoded in ${name.en}; budget sources are UTF-8`), {
    hint: bi(`运行 yusuan fmt --write ${path} 将它转换为 UTF-8（内容不变）`, `run yusuan fmt --write ${path} to convert it to UTF-8 (its content unchanged)`),
    data: { encoding },
  });
}
