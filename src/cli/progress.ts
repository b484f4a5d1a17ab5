/**
 * A one-line progress indicator on stderr, redrawn at most every 100 ms. Only on a TTY: in CI
 * or when piped it stays silent so logs hold results, not carriage returns.
 */
export class ProgressLine {
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly stream: NodeJS.WritableStream, private readonly enabled: boolean) {}

  update(label: string, done: number, total: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && done < total) return;
    this.lastDraw = now;
    const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
    this.stream.write(`\r\u001b[2K${label} ${done}/${total} (${percent}%)`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write('\r\u001b[2K');
    this.drawn = false;
  }
}
