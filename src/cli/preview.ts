/**
 * The pages of the live preview (`yusuan serve`), as strings: a budget's publication
 * with its diagnostics laid over it and the script that reloads it on a change, the
 * index of the budgets served, and a source file with numbered lines for the
 * diagnostics to link to. Pure: serve.ts reads the files and answers the requests.
 */
import type { Diagnostic } from "../base/diagnostics.js";
import { lineCol, type SourceText } from "../base/source.js";
import type { Lang } from "./report.js";

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Where a source file is shown: its path under the served folder, for links. */
export interface SourceLinks {
  /** The preview's page of a file at a line, or undefined when it is not served. */
  page(file: string, line: number): string | undefined;
  /** The absolute path of a file, for the editor link (vscode://file/…). */
  absolute(file: string): string;
  /** The file's name as the author knows it (relative to the served folder). */
  label(file: string): string;
}

const WORDS = {
  zh: { error: "错误", warning: "警告", info: "提示", hint: "提示", related: "相关", open: "在编辑器中打开", clean: "检查通过", summary: (e: number, w: number) => `${e} 个错误，${w} 个警告`, failed: "无法生成公开文件", budgets: "预算" },
  en: { error: "error", warning: "warning", info: "info", hint: "hint", related: "related", open: "open in the editor", clean: "no problems", summary: (e: number, w: number) => `${e} error(s), ${w} warning(s)`, failed: "the publication could not be rendered", budgets: "Budgets" },
} as const;

const OVERLAY_STYLE = `
#yusuan-overlay{position:fixed;right:16px;bottom:16px;max-width:min(720px,calc(100vw - 32px));max-height:60vh;overflow:auto;z-index:2147483647;
  font:14px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#fff;color:#1f2328;border:1px solid #d0d7de;border-radius:8px;box-shadow:0 8px 24px rgba(0,0,0,.2)}
#yusuan-overlay summary{cursor:pointer;padding:8px 12px;font-weight:600;list-style:none}
#yusuan-overlay.has-errors summary{background:#ffebe9;color:#a40e26;border-radius:8px 8px 0 0}
#yusuan-overlay.has-warnings summary{background:#fff8c5;color:#7d4e00;border-radius:8px 8px 0 0}
#yusuan-overlay.clean summary{background:#dafbe1;color:#116329;border-radius:8px}
#yusuan-overlay ol{margin:0;padding:0 12px 8px 12px;list-style:none}
#yusuan-overlay li{padding:8px 0;border-top:1px solid #eaeef2}
#yusuan-overlay .sev{display:inline-block;font-size:12px;font-weight:600;padding:0 6px;border-radius:4px;margin-right:6px}
#yusuan-overlay .error{background:#cf222e;color:#fff}#yusuan-overlay .warning{background:#bf8700;color:#fff}#yusuan-overlay .info{background:#0969da;color:#fff}
#yusuan-overlay code{font-size:12px;color:#57606a}
#yusuan-overlay .where{font-size:12px;margin-top:2px}
#yusuan-overlay .where a{color:#0969da;margin-right:10px}
#yusuan-overlay .hint,#yusuan-overlay .rel{font-size:13px;color:#57606a}`;

/** The reload script: a server-sent event on every change; the page keeps its scroll position. */
const RELOAD_SCRIPT = `(function(){
  var key = "yusuan-scroll:" + location.pathname;
  var y = sessionStorage.getItem(key);
  if (y !== null) { window.scrollTo(0, Number(y)); sessionStorage.removeItem(key); }
  var es = new EventSource("/events");
  es.addEventListener("reload", function(){ sessionStorage.setItem(key, String(window.scrollY)); location.reload(); });
})();`;

function where(d: { span: { file: string; start: number } }, sources: (file: string) => SourceText | undefined, links: SourceLinks, lang: Lang): string {
  const src = sources(d.span.file);
  const p = src ? lineCol(src, d.span.start) : { line: 1, column: 1 };
  const text = `${esc(links.label(d.span.file))}:${p.line}:${p.column}`;
  const page = links.page(d.span.file, p.line);
  const abs = links.absolute(d.span.file);
  const editor = `vscode://file${abs.startsWith("/") ? "" : "/"}${encodeURI(abs)}:${p.line}:${p.column}`;
  return `${page ? `<a class="loc" href="${esc(page)}">${text}</a>` : `<span class="loc">${text}</span>`}<a class="editor" href="${esc(editor)}">${WORDS[lang].open}</a>`;
}

/** The diagnostics as a panel over the page, each linked to its source line. */
export function overlay(ds: readonly Diagnostic[], sources: (file: string) => SourceText | undefined, links: SourceLinks, lang: Lang): string {
  const w = WORDS[lang];
  const errors = ds.filter((d) => d.severity === "error").length;
  const warnings = ds.filter((d) => d.severity === "warning").length;
  const cls = errors ? "has-errors" : ds.length ? "has-warnings" : "clean";
  const items = ds.map((d) => {
    const related = d.related.map((r) => `<div class="rel">${w.related}: ${esc(r.message[lang])} <span class="where">${where(r, sources, links, lang)}</span></div>`).join("");
    return `<li data-code="${esc(d.code)}"><span class="sev ${d.severity}">${w[d.severity]}</span><code>${esc(d.code)}</code><div class="msg">${esc(d.message[lang])}</div><div class="where">${where(d, sources, links, lang)}</div>${d.hint ? `<div class="hint">${w.hint}: ${esc(d.hint[lang])}</div>` : ""}${related}</li>`;
  });
  return `<style>${OVERLAY_STYLE}</style><details id="yusuan-overlay" class="${cls}"${ds.length ? " open" : ""}><summary>${ds.length ? w.summary(errors, warnings) : w.clean}</summary>${items.length ? `<ol>${items.join("")}</ol>` : ""}</details>`;
}

/**
 * A page of the preview: the publication's html (or, when it could not be rendered, a
 * page that says why) with the overlay and the reload script before `</body>`.
 */
export function previewPage(html: string | Error, title: string, overlayHtml: string, lang: Lang): string {
  const page =
    typeof html === "string"
      ? html
      : `<!DOCTYPE html><html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1><p>${WORDS[lang].failed}: ${esc(html.message)}</p></body></html>`;
  const inject = `${overlayHtml}<script>${RELOAD_SCRIPT}</script>`;
  const at = page.lastIndexOf("</body>");
  return at < 0 ? page + inject : page.slice(0, at) + inject + page.slice(at);
}

/** The index of the budgets served, each linked to its page. */
export function indexPage(budgets: readonly { label: string; href: string }[], lang: Lang): string {
  const items = budgets.map((b) => `<li><a href="${esc(b.href)}">${esc(b.label)}</a></li>`).join("");
  return `<!DOCTYPE html><html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><title>yusuan</title></head><body><h1>${WORDS[lang].budgets}</h1><ul>${items}</ul><script>${RELOAD_SCRIPT}</script></body></html>`;
}

/** A source file with numbered lines; each line is an anchor (#L12), and the one linked to is marked. */
export function sourcePage(label: string, text: string): string {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const rows = lines.map((l, i) => `<tr id="L${i + 1}"><td class="n"><a href="#L${i + 1}">${i + 1}</a></td><td><pre>${esc(l)}</pre></td></tr>`).join("");
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(label)}</title><style>
body{margin:0;font:14px/1.5 ui-monospace,"Noto Sans Mono CJK SC",monospace}h1{font-size:15px;padding:8px 12px;margin:0;background:#f6f8fa;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse}td{padding:0 12px;vertical-align:top}td.n{text-align:right;color:#8c959f;user-select:none}td.n a{color:inherit;text-decoration:none}
pre{margin:0;white-space:pre-wrap}tr:target{background:#fff8c5}</style></head><body><h1>${esc(label)}</h1><table>${rows}</table><script>${RELOAD_SCRIPT}</script></body></html>`;
}
