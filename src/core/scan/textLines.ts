/**
 * Walks the lines of a text as offsets, without cutting it into strings: the lines are those of
 * `text.split(/\r\n|\r|\n/)` (CRLF, LF and a lone CR each end a line; a text ending in a break
 * has an empty last line). Lines must be asked for in order (`endOf` with starts that never go
 * back), because the positions of the next CR and LF are remembered between calls.
 */
export class TextLines {
  /** Offset of the next `\r` / `\n` at or after the last start asked for, or the text's length. */
  private nextCr = -1;
  private nextLf = -1;

  constructor(private readonly text: string) {}

  /** Where the line that starts at `start` ends: the offset of its break, or the text's length. */
  endOf(start: number): number {
    if (this.nextCr < start) this.nextCr = this.find('\r', start);
    if (this.nextLf < start) this.nextLf = this.find('\n', start);
    return Math.min(this.nextCr, this.nextLf);
  }

  /** Where the line after the one ending at `end` starts, or -1 when that was the last line. */
  startAfter(end: number): number {
    if (end >= this.text.length) return -1;
    return this.text.charCodeAt(end) === 13 /* \r */ && this.text.charCodeAt(end + 1) === 10 /* \n */ ? end + 2 : end + 1;
  }

  private find(lineBreak: string, from: number): number {
    const at = this.text.indexOf(lineBreak, from);
    return at < 0 ? this.text.length : at;
  }
}
