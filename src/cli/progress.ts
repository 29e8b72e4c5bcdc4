/** A one-line progress bar on a terminal; on anything else, nothing until the summary. */
export class Progress {
  private done_ = 0;
  private readonly tty: boolean;

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream,
  ) {
    this.tty = Boolean(out.isTTY);
  }

  tick(note: string): void {
    this.set(this.done_ + 1, note);
  }

  set(done: number, note: string): void {
    this.done_ = done;
    if (!this.tty) return;
    const width = 30;
    const filled = this.total ? Math.round((this.done_ / this.total) * width) : width;
    this.out.write(
      `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done_}/${this.total}  ${note}\x1b[K`,
    );
  }

  done(): void {
    if (this.tty) this.out.write('\n');
  }
}
