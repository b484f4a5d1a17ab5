
/**
 * Numbers written in short groups: `138 1234 5678`, `138-1234-5678`,
 * `6222 0212 3456 7890 123`. Every shape worth recognising has groups of at most 4 digits, so a
 * sequence is read only while that holds, which keeps the look-ahead bounded.
 */
export interface DigitGroups {
  /** Offset of the first digit. */
  start: number;
  /** Offset just past the last digit. */
  end: number;
  /** The digits without separators. */
  digits: string;
  /** Length of each group, in order. */
  lengths: number[];
}

const MAX_GROUPS = 6;
const MAX_GROUP_LENGTH = 4;

// Local character tests: this runs for every short number in the text (see detectValues.ts).
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSeparator(c: number): boolean {
  return c === 32 /* space */ || c === 45 /* - */;
}

/**
 * Reads the groups of the sequence whose first group is the alphanumeric run text[start, end).
 * Undefined when that run is not a 2–4 digit group starting a sequence, when a later group is
 * longer than 4 digits or has letters, when the sequence has more than 6 groups (a list of
 * numbers, not one number), or when the separators differ.
 */
export function readDigitGroups(text: string, start: number, end: number): DigitGroups | undefined {
  const firstLength = end - start;
  if (firstLength < 2 || firstLength > MAX_GROUP_LENGTH) return undefined;
  const separator = text.charCodeAt(end);
  if (!isSeparator(separator) || !isDigit(text.charCodeAt(end + 1))) return undefined;
  for (let i = start; i < end; i++) if (!isDigit(text.charCodeAt(i))) return undefined;
  // A group right after "<digit><separator>" continues an earlier sequence: only starts count.
  // The country code is the exception: in `+86 139-1234-5678` the number starts at 139.
  const continues = start >= 2 && isSeparator(text.charCodeAt(start - 1)) && isDigit(text.charCodeAt(start - 2));
  if (continues && !text.startsWith('+86', start - 4)) return undefined;

  const lengths = [firstLength];
  let digits = text.slice(start, end);
  let pos = end;
  while (text.charCodeAt(pos) === separator && isDigit(text.charCodeAt(pos + 1))) {
    if (lengths.length === MAX_GROUPS) return undefined;
    let q = pos + 1;
    while (isWordChar(text.charCodeAt(q))) {
      if (!isDigit(text.charCodeAt(q)) || q - pos > MAX_GROUP_LENGTH) return undefined;
      q++;
    }
    lengths.push(q - pos - 1);
    digits += text.slice(pos + 1, q);
    pos = q;
  }
  if (isSeparator(text.charCodeAt(pos)) && isDigit(text.charCodeAt(pos + 1))) return undefined; // mixed separators
  if (text.charCodeAt(pos) === 46 /* . */ && isDigit(text.charCodeAt(pos + 1))) return undefined; // decimal
  return { start, end: pos, digits, lengths };
}
