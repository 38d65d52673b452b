/** A one-line progress bar on stderr (redrawn in place on a terminal, plain lines otherwise). */

/** A progress bar for one phase. */
export class Progress {
  private done = 0;
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.draw(true);
  }

  /** Counts `n` more units done. */
  tick(n = 1): void {
    this.done += n;
    this.draw(false);
  }

  /** Sets the units done. */
  set(n: number): void {
    this.done = n;
    this.draw(false);
  }

  /** Ends the bar's line. */
  finish(): void {
    this.draw(true);
    if (this.out.isTTY) this.out.write('\n');
  }

  private draw(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < (this.out.isTTY ? 100 : 5_000)) return;
    this.lastDraw = now;
    const share = this.total > 0 ? Math.min(1, this.done / this.total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const line = `${this.label.padEnd(28)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total}`;
    this.out.write(this.out.isTTY ? `\r${line}` : `${line}\n`);
  }
}
