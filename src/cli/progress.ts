/**
 * The progress line of a long build: on a terminal, one line on stderr redrawn in place
 * ("departments 37/100 · 12.3 s · about 20 s left"), and nothing at all when stderr is
 * not a terminal (a CI log, a pipe) or with --quiet, so that logs and tests see only
 * what a build says when it ends.
 *
 * The estimate weighs what is left by its size: the queue deals the largest departments
 * first, so counting departments alone would make the early estimate far too long.
 */

export interface ProgressSink {
  /** Writes to stderr. */
  err(text: string): void;
  /** Milliseconds from a fixed point. */
  now(): number;
}

/** Redraws at most this often: a terminal need not be written thousands of times. */
const REDRAW_MS = 100;

const WORDS = {
  zh: { departments: "部门", pdf: "PDF", seconds: "秒", left: (s: string) => `预计还需 ${s}` },
  en: { departments: "departments", pdf: "PDF", seconds: "s", left: (s: string) => `about ${s} left` },
};

export class Progress {
  private total = 0;
  private totalWeight = 0;
  private done = 0;
  private doneWeight = 0;
  private started = 0;
  private drawn = -Infinity;
  private shown = false;
  private label: "departments" | "pdf" = "departments";

  constructor(
    private readonly sink: ProgressSink | undefined,
    private readonly lang: "zh" | "en",
  ) {}

  /** Starts a phase of `weights.length` items, each with its weight (its size). */
  start(label: "departments" | "pdf", weights: readonly number[]): void {
    this.label = label;
    this.total = weights.length;
    this.totalWeight = weights.reduce((a, b) => a + Math.max(b, 1), 0);
    this.done = 0;
    this.doneWeight = 0;
    this.started = this.sink?.now() ?? 0;
    this.drawn = -Infinity;
    this.draw(true);
  }

  /** One item of the phase is done. */
  tick(weight: number): void {
    this.done++;
    this.doneWeight += Math.max(weight, 1);
    this.draw(this.done === this.total);
  }

  /** Clears the line: what the build prints next starts on a clean line. */
  end(): void {
    if (this.sink && this.shown) this.sink.err("\r\u001b[K");
    this.shown = false;
  }

  /** The line as it reads after `elapsedMs`. */
  line(elapsedMs: number): string {
    const w = WORDS[this.lang];
    const secs = (ms: number) => `${(ms / 1000).toFixed(1)} ${w.seconds}`;
    const parts = [`${w[this.label]} ${this.done}/${this.total}`, secs(elapsedMs)];
    if (this.done > 0 && this.done < this.total && this.doneWeight > 0) {
      const left = (elapsedMs * (this.totalWeight - this.doneWeight)) / this.doneWeight;
      parts.push(w.left(`${Math.ceil(left / 1000)} ${w.seconds}`));
    }
    return `yusuan: ${parts.join(" · ")}`;
  }

  private draw(force: boolean): void {
    if (!this.sink) return;
    const now = this.sink.now();
    if (!force && now - this.drawn < REDRAW_MS) return;
    this.drawn = now;
    this.shown = true;
    this.sink.err(`\r\u001b[K${this.line(now - this.started)}`);
  }
}
