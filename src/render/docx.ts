/**
 * The whole publication as a Word document (.docx) that opens in Word, WPS and
 * LibreOffice: a cover, a table of contents field, every part and section with its
 * headings and paragraphs, the tables and forms with their merged cells and header rows
 * repeated on each page, the charts as images, a page break before each part, and A4
 * pages with the margins of the government document standard (GB/T 9704: 37 mm top,
 * 35 mm bottom, 28 mm left, 26 mm right), numbered from the first page of content.
 *
 * The text comes from the profile's Markdown rendering, so the wording is the
 * templates' and a profile needs no code of its own: headings, paragraphs and lists are
 * read from it, and where it prints a table, form or chart (after the anchor the
 * templates put before each: `<a id="t1"></a>`), the grid of the view (with its spans)
 * or the chart's PNG is put instead. The bytes are deterministic: fixed document dates
 * and a normalised zip (zip.ts).
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
  type ISectionOptions,
  type ParagraphChild,
} from "docx";
import { CHART_HEIGHT, CHART_WIDTH } from "./charts.js";
import { grid, h, indentLevel, labelCells, placeCells, t, type GridView } from "./grid.js";
import type { DocumentView } from "./view.js";
import { textWidth } from "./xlsx.js";
import { fixCoreDates, normaliseZip } from "./zip.js";

export interface DocxInput {
  /** The publication rendered to Markdown with the profile's templates. */
  readonly markdown: string;
  /** The view the Markdown was rendered from: its grids and chart ids. */
  readonly view: DocumentView;
  /** Each chart's drawing as PNG, by chart id. */
  readonly charts: ReadonlyMap<string, Uint8Array>;
  /** The document's date (creation and modification). */
  readonly date: Date;
  readonly author: string;
}

/* ------------------------------------------------------------------------------------ */
/* Reading the Markdown                                                                   */
/* ------------------------------------------------------------------------------------ */

type Block =
  | { readonly kind: "anchor"; readonly id: string }
  | { readonly kind: "heading"; readonly level: number; readonly text: string }
  | { readonly kind: "para"; readonly text: string }
  | { readonly kind: "list"; readonly items: readonly { depth: number; text: string }[] }
  | { readonly kind: "table"; readonly rows: readonly (readonly string[])[] };

/** The blocks of the Markdown the templates write: anchors, headings, paragraphs, lists, tables. */
export function markdownBlocks(md: string): Block[] {
  const lines = md.split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const anchor = /^<a id="([^"]+)"><\/a>$/.exec(line);
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (line.trim() === "") i++;
    else if (anchor) {
      blocks.push({ kind: "anchor", id: anchor[1]! });
      i++;
    } else if (heading) {
      blocks.push({ kind: "heading", level: heading[1]!.length, text: heading[2]! });
      i++;
    } else if (line.startsWith("|")) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i]!.startsWith("|"); i++) {
        const cells = splitRow(lines[i]!);
        if (cells.every((c) => /^:?-{3,}:?$/.test(c))) continue;
        rows.push(cells);
      }
      blocks.push({ kind: "table", rows });
    } else if (/^\s*- /.test(line)) {
      const items: { depth: number; text: string }[] = [];
      for (; i < lines.length && /^\s*- /.test(lines[i]!); i++) {
        const m = /^(\s*)- (.*)$/.exec(lines[i]!)!;
        items.push({ depth: Math.floor(m[1]!.length / 2), text: m[2]! });
      }
      blocks.push({ kind: "list", items });
    } else {
      const para: string[] = [];
      for (; i < lines.length && lines[i]!.trim() !== "" && !/^(#{1,6} |<a id=|\||\s*- )/.test(lines[i]!); i++) para.push(lines[i]!);
      blocks.push({ kind: "para", text: para.join("") });
    }
  }
  return blocks;
}

/** The cells of a Markdown table row, split at unescaped pipes. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cur = "";
  for (let i = 1; i < line.length; i++) {
    const c = line[i]!;
    if (c === "\\" && i + 1 < line.length) {
      cur += c + line[i + 1];
      i++;
    } else if (c === "|") {
      cells.push(cur.trim());
      cur = "";
    } else cur += c;
  }
  return cells;
}

/** Markdown inline text as plain text: links to their text, escapes and entities undone. */
export function plainText(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\(#[^)]*\)/g, "$1")
    .replace(/<br>/g, "\n")
    .replace(/\\(.)/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/* ------------------------------------------------------------------------------------ */
/* Styles                                                                                 */
/* ------------------------------------------------------------------------------------ */

/** Body text: 仿宋 三号 (16 pt), as the government document standard sets it. */
const BODY = { eastAsia: "仿宋", ascii: "Times New Roman", hAnsi: "Times New Roman" };
const HEI = { eastAsia: "黑体", ascii: "Arial", hAnsi: "Arial" };
const KAI = { eastAsia: "楷体", ascii: "Times New Roman", hAnsi: "Times New Roman" };
const SONG = { eastAsia: "宋体", ascii: "Times New Roman", hAnsi: "Times New Roman" };
/** Half-points. */
const SIZE_BODY = 32;
const SIZE_TABLE = 20;
/** A line of body text: 28 pt exactly (22 lines to the page), in twips. */
const LINE = 560;

/** A4, in twips, and the margins of GB/T 9704. */
const PAGE = {
  size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
  margin: {
    top: convertMillimetersToTwip(37),
    bottom: convertMillimetersToTwip(35),
    left: convertMillimetersToTwip(28),
    right: convertMillimetersToTwip(26),
    header: convertMillimetersToTwip(15),
    footer: convertMillimetersToTwip(20),
  },
};
/** The width of the text block in twips: 210 − 28 − 26 = 156 mm. */
const TEXT_WIDTH = convertMillimetersToTwip(156);

const STYLES = {
  default: { document: { run: { font: BODY, size: SIZE_BODY } } },
  paragraphStyles: [
    {
      id: "Heading1",
      name: "Heading 1",
      basedOn: "Normal",
      next: "Normal",
      quickFormat: true,
      run: { font: HEI, size: SIZE_BODY, bold: false },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240, line: LINE, lineRule: LineRuleType.EXACT }, keepNext: true },
    },
    {
      id: "Heading2",
      name: "Heading 2",
      basedOn: "Normal",
      next: "Normal",
      quickFormat: true,
      run: { font: HEI, size: SIZE_BODY, bold: false },
      paragraph: { spacing: { before: 120, after: 120, line: LINE, lineRule: LineRuleType.EXACT }, indent: { firstLine: 640 }, keepNext: true },
    },
    {
      id: "Heading3",
      name: "Heading 3",
      basedOn: "Normal",
      next: "Normal",
      quickFormat: true,
      run: { font: KAI, size: SIZE_BODY, bold: true },
      paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT }, indent: { firstLine: 640 }, keepNext: true },
    },
    {
      id: "Heading4",
      name: "Heading 4",
      basedOn: "Normal",
      next: "Normal",
      quickFormat: true,
      run: { font: BODY, size: SIZE_BODY, bold: true },
      paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT }, indent: { firstLine: 640 }, keepNext: true },
    },
  ],
};

const HEADING = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_4] as const;

/** A bookmark name from an anchor id: letters, digits and underscores, starting with a letter. */
const bookmarkName = (id: string) => `y_${id.replace(/[^A-Za-z0-9]/g, "_")}`.slice(0, 40);

/* ------------------------------------------------------------------------------------ */
/* Tables                                                                                 */
/* ------------------------------------------------------------------------------------ */

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
const CELL_BORDERS = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER };

/** Millimetres a text needs on one line at the tables' 10 pt: a wide (CJK) character 3.6, any other 1.95. */
function textMm(text: string): number {
  const w = textWidth(text);
  const wide = w - [...text].length;
  return wide * 3.6 + (w - 2 * wide) * 1.95;
}

/** A cell's left and right margins together, in millimetres. */
const CELL_PAD_MM = 2.5;
const TEXT_MM = 156;

/**
 * Column widths in twips, filling the text block: amount columns as wide as their
 * longest amount (an amount never wraps), header labels on two lines at most, and the
 * label columns sharing what is left by their text, wrapping where they must.
 */
function gridWidths(g: GridView): number[] {
  const placed = placeCells(g);
  const fixed = new Array<number>(g.cols).fill(0);
  const want = new Array<number>(g.cols).fill(8);
  for (const p of placed) {
    if (p.colspan !== 1 || p.rowCls === "colno") continue;
    const mm = textMm(p.cell.text) + CELL_PAD_MM;
    // A header keeps room for two lines: never one character per line.
    if (p.head) fixed[p.col] = Math.max(fixed[p.col]!, (Math.ceil([...p.cell.text].length / 2) * textMm(p.cell.text)) / Math.max(1, [...p.cell.text].length) + CELL_PAD_MM);
    else if (p.cell.num) fixed[p.col] = Math.max(fixed[p.col]!, mm);
    else want[p.col] = Math.max(want[p.col]!, Math.min(mm, 60));
  }
  const mm = want.map((w, c) => Math.max(w, fixed[c]!));
  const total = mm.reduce((a, b) => a + b, 0);
  let out: number[];
  if (total <= TEXT_MM) out = mm.map((x) => (x / total) * TEXT_MM);
  else {
    // Too wide: the amount columns keep their width, the others share the rest.
    const kept = mm.reduce((a, x, c) => a + (fixed[c]! >= want[c]! ? x : 0), 0);
    const flexible = total - kept;
    const room = Math.max(TEXT_MM - kept, flexible * 0.3);
    // The others share the rest, none below its fixed least width.
    out = mm.map((x, c) => (fixed[c]! >= want[c]! ? x : Math.max(fixed[c]!, (x / flexible) * room)));
  }
  return out.map((x) => Math.floor(convertMillimetersToTwip(x)));
}

/**
 * A grid as a Word table: merged cells from the spans, header rows marked to repeat on
 * every page, no row split across pages, and the rows before the closing total rows kept
 * with them.
 */
function gridTable(g: GridView): Table {
  const widths = gridWidths(g);
  const placed = placeCells(g);
  const labels = labelCells(g);
  const rowCount = g.head.length + g.body.length;
  // The closing total rows and the two rows before them (the grid's tail) stay together.
  const keepFrom = g.head.length + g.lead.length;
  const rows: TableRow[] = [];
  for (let r = 0; r < rowCount; r++) {
    const head = r < g.head.length;
    const cells = placed
      .filter((p) => p.row === r)
      .map((p) => {
        const width = widths.slice(p.col, p.col + p.colspan).reduce((a, b) => a + b, 0);
        const indent = labels.has(p) ? indentLevel(p.rowCls) * 200 : 0;
        const lines = p.cell.text.split("\n");
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          ...(p.colspan > 1 ? { columnSpan: p.colspan } : {}),
          ...(p.rowspan > 1 ? { rowSpan: p.rowspan } : {}),
          verticalAlign: VerticalAlign.CENTER,
          borders: CELL_BORDERS,
          margins: { left: 60, right: 60, top: 20, bottom: 20 },
          ...(head || p.cell.th ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: head ? "EDF1F6" : "F7F7F4" } } : {}),
          children: [
            new Paragraph({
              alignment: p.cell.num ? AlignmentType.RIGHT : head || p.cell.th ? AlignmentType.CENTER : AlignmentType.LEFT,
              keepNext: r >= keepFrom && r < rowCount - 1,
              ...(indent ? { indent: { left: indent } } : {}),
              spacing: { line: 280, lineRule: LineRuleType.AT_LEAST },
              children: lines.map(
                (text, i) => new TextRun({ text, font: SONG, size: SIZE_TABLE, bold: head || p.cell.th || p.rowCls === "total", ...(i > 0 ? { break: 1 } : {}) }),
              ),
            }),
          ],
        });
      });
    rows.push(new TableRow({ children: cells, cantSplit: true, ...(head ? { tableHeader: true } : {}) }));
  }
  return new Table({ rows, columnWidths: widths, width: { size: TEXT_WIDTH, type: WidthType.DXA }, layout: TableLayoutType.FIXED });
}

/** A Markdown table the templates print without a grid: its first row is the header. */
function plainTable(rows: readonly (readonly string[])[]): Table {
  const cols = Math.max(...rows.map((r) => r.length));
  const pad = (r: readonly string[]) => [...r, ...Array.from({ length: cols - r.length }, () => "")];
  const g = grid(
    cols,
    rows.slice(0, 1).map((r) => ({ cells: pad(r).map((text) => h(plainText(text))) })),
    rows.slice(1).map((r) => ({ cells: pad(r).map((text) => t(plainText(text))) })),
  );
  return gridTable(g);
}

/* ------------------------------------------------------------------------------------ */
/* The document                                                                           */
/* ------------------------------------------------------------------------------------ */

/** Runs of a paragraph's Markdown: **bold** spans bold, the rest plain. */
function runs(md: string, opts: { font?: typeof BODY; size?: number; bold?: boolean } = {}): TextRun[] {
  const out: TextRun[] = [];
  const parts = md.split(/(\*\*[^*]+\*\*)/);
  for (const part of parts) {
    if (part === "") continue;
    const bold = /^\*\*[^*]+\*\*$/.test(part);
    const text = plainText(bold ? part.slice(2, -2) : part);
    text.split("\n").forEach((line, i) => out.push(new TextRun({ text: line, ...(opts.font ? { font: opts.font } : {}), ...(opts.size ? { size: opts.size } : {}), bold: bold || (opts.bold ?? false), ...(i > 0 ? { break: 1 } : {}) })));
  }
  return out;
}

const bodyParagraph = (children: ParagraphChild[], more: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ children, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, ...more });

/** The Word document of a publication, as the bytes of a .docx file. */
export async function renderDocx(input: DocxInput): Promise<Uint8Array> {
  const { view } = input;
  const grids = new Map<string, GridView>();
  for (const t of view.tables) grids.set(t.id, t.grid);
  const forms = [...(view.s10.overallForm ? [view.s10.overallForm] : []), ...view.s10.projectForms];
  for (const f of forms) grids.set(f.id, f.grid);
  const tableIds = new Set(view.tables.map((t) => t.id));
  const formIds = new Set(forms.map((f) => f.id));

  const blocks = markdownBlocks(input.markdown);
  const front: (Paragraph | Table | TableOfContents | undefined)[] = [];
  // Where the contents field goes: it is made once every heading has been read.
  let tocAt = -1;
  let tocTitle = "";
  const content: (Paragraph | Table | TableOfContents | undefined)[] = [];
  // The headings of levels 1 and 2 (parts, sections, tables) for the contents' cached entries.
  const tocEntries: { title: string; level: number; href: string }[] = [];
  let anchor = "";
  let gridPlaced = false;
  let firstInAnchor = false;
  let inFront = true;
  // True right after a part's heading: the first table of the part follows it on its page.
  let afterPart = false;
  for (const b of blocks) {
    const out: (Paragraph | Table | TableOfContents | undefined)[] = inFront ? front : content;
    const wasAfterPart = afterPart;
    if (b.kind !== "anchor") afterPart = b.kind === "heading" && b.level <= 2 && anchor !== "toc" && anchor !== "cover";
    switch (b.kind) {
      case "anchor":
        anchor = b.id;
        gridPlaced = false;
        firstInAnchor = true;
        if (inFront && b.id !== "cover" && b.id !== "toc") inFront = false;
        continue;
      case "heading": {
        const text = plainText(b.text);
        if (anchor === "cover" && b.level === 1) {
          // The cover: the department over the title, a third of the way down the page.
          front.push(
            new Paragraph({ spacing: { before: 3600, after: 600 }, alignment: AlignmentType.CENTER, children: [new TextRun({ text: view.department, font: HEI, size: 36 })] }),
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: view.headings.cover, font: HEI, size: 52 })] }),
          );
          break;
        }
        if (anchor === "toc") {
          front.push(new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text, font: HEI, size: SIZE_BODY })] }));
          tocAt = front.length;
          tocTitle = text;
          front.push(undefined);
          break;
        }
        const level = HEADING[b.level - 1]!;
        const centred = tableIds.has(anchor) || formIds.has(anchor);
        const wordLevel = b.level <= 2 ? 1 : b.level - 1;
        // Level 1 and 2 headings enter the table of contents; table titles are level 2.
        if (wordLevel <= 2 && firstInAnchor && anchor) tocEntries.push({ title: text, level: wordLevel, href: bookmarkName(anchor) });
        out.push(
          new Paragraph({
            heading: level,
            // A part starts a page; so does each table and form, as the printed document has them.
            pageBreakBefore: b.level <= 2 || ((tableIds.has(anchor) || formIds.has(anchor)) && firstInAnchor && !hasCaption(blocks, anchor) && !wasAfterPart),
            ...(centred ? { alignment: AlignmentType.CENTER, indent: { firstLine: 0 } } : {}),
            children: firstInAnchor && anchor ? [new Bookmark({ id: bookmarkName(anchor), children: [new TextRun(text)] })] : [new TextRun(text)],
          }),
        );
        firstInAnchor = false;
        break;
      }
      case "para": {
        if (anchor === "toc") break;
        const isCaption = tableIds.has(anchor) && firstInAnchor;
        const meta = (tableIds.has(anchor) || formIds.has(anchor)) && !gridPlaced;
        if (isCaption) {
          out.push(new Paragraph({ pageBreakBefore: !wasAfterPart, keepNext: true, children: runs(b.text, { font: SONG, size: 21 }) }));
          break;
        }
        if (meta) {
          // 部门名称, 单位 and a form's subtitle: small, with the table.
          out.push(new Paragraph({ keepNext: true, alignment: formIds.has(anchor) ? AlignmentType.CENTER : AlignmentType.LEFT, children: runs(b.text, { font: SONG, size: 21 }) }));
          break;
        }
        const chart = input.charts.get(anchor);
        if (chart && /^\*\*[^*]+\*\*$/.test(b.text)) {
          // A chart: its title, then the drawing.
          out.push(
            new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: runs(b.text, { font: HEI, size: 24 }) }),
            new Paragraph({
              alignment: AlignmentType.CENTER,
              keepNext: true,
              children: [new ImageRun({ type: "png", data: chart, transformation: { width: CHART_WIDTH, height: CHART_HEIGHT }, altText: { name: plainText(b.text.slice(2, -2)), description: plainText(b.text.slice(2, -2)), title: plainText(b.text.slice(2, -2)) } })],
            }),
          );
          break;
        }
        out.push(bodyParagraph(runs(b.text)));
        break;
      }
      case "list":
        if (anchor === "toc") break;
        for (const item of b.items) {
          // A chart's legend, or a list of the templates: one line each, indented by depth.
          out.push(
            new Paragraph({
              alignment: input.charts.has(anchor) ? AlignmentType.CENTER : AlignmentType.LEFT,
              indent: { left: 640 * (item.depth + (input.charts.has(anchor) ? 0 : 1)) },
              spacing: { line: 400, lineRule: LineRuleType.AT_LEAST },
              children: runs(item.text, input.charts.has(anchor) ? { size: 21 } : {}),
            }),
          );
        }
        break;
      case "table": {
        const g = grids.get(anchor);
        out.push(g && !gridPlaced ? gridTable(g) : plainTable(b.rows));
        gridPlaced = true;
        // An empty paragraph after a table: Word joins two tables that touch.
        out.push(new Paragraph({ children: [] }));
        break;
      }
    }
  }

  if (tocAt >= 0) front[tocAt] = new TableOfContents(tocTitle, { hyperlink: true, headingStyleRange: "1-2", cachedEntries: tocEntries.map(({ title, level }) => ({ title, level })) });
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: SONG, size: 28 })] })],
  });
  const sections: ISectionOptions[] = [
    // The cover and the contents: no page numbers.
    { properties: { page: PAGE }, children: front.filter((x): x is Paragraph | Table | TableOfContents => x !== undefined) },
    // The content, numbered from its first page.
    { properties: { page: { ...PAGE, pageNumbers: { start: 1 } } }, footers: { default: footer }, children: content.filter((x): x is Paragraph | Table | TableOfContents => x !== undefined) },
  ];
  const doc = new Document({
    creator: input.author,
    lastModifiedBy: input.author,
    title: view.title,
    description: view.title,
    styles: STYLES,
    // Word refreshes the contents' page numbers when it opens the file.
    features: { updateFields: true },
    sections,
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  return normaliseZip(bytes, input.date, (name, text) => splitFieldRuns(name, fixCoreDates(name, text, input.date)));
}

/**
 * The contents field as Word, WPS and LibreOffice all read it. The library wraps it in a
 * content control and writes the field's begin, instruction and separator in one run:
 * Word reads that, but LibreOffice prints the instruction ("TOC \h \o …") as text. A
 * bare field with one run for each part, as Word itself writes fields, reads the same
 * everywhere.
 */
export function splitFieldRuns(name: string, xml: string): string {
  if (name !== "word/document.xml") return xml;
  return xml
    .replace(/<w:sdt><w:sdtPr><w:alias w:val="[^"]*"\/><\/w:sdtPr><w:sdtContent>([\s\S]*?)<\/w:sdtContent><\/w:sdt>/g, "$1")
    .replace(
      /<w:r>(<w:fldChar w:fldCharType="begin"[^>]*\/>)(<w:instrText[^>]*>[^<]*<\/w:instrText>)(<w:fldChar w:fldCharType="separate"\/>)<\/w:r>/g,
      "<w:r>$1</w:r><w:r>$2</w:r><w:r>$3</w:r>",
    );
}

/** True when the table or form at `anchor` prints a caption line before its heading. */
function hasCaption(blocks: readonly Block[], anchor: string): boolean {
  const i = blocks.findIndex((b) => b.kind === "anchor" && b.id === anchor);
  return i >= 0 && blocks[i + 1]?.kind === "para";
}
