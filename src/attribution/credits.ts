/**
 * Credit lines: a paragraph that is one quotation followed by a dash and who said it
 * (`“We will appeal.” ― Dana Holt`, `"Prices will rise." — Sen. Ray Tallis, D-Ohio`), the way
 * reader-reaction galleries and epigraphs print a quote. No speech verb stands in such a
 * paragraph, so the statement reader does not see it; the dash is the cue and the name the
 * speaker. The quotation may open with a closing mark (`”Mr. Trump ...”`), as pasted quotes do.
 */

/** Where the parts of a credited quotation stand in the text. */
export interface Credit {
  /** The quoted words, without their marks. */
  content: { start: number; end: number };
  /** The dash that credits them. */
  cue: { start: number; end: number };
  /** The name after the dash (its description after a comma left out). */
  name: { start: number; end: number };
}

/**
 * A paragraph made of a quotation, a dash and a name of one to four capitalised words, perhaps
 * followed by a short description after a comma. Anything else before the dash ("... he said ―
 * Holt") or lower-case words in the name ("― a reader") is no credit line.
 */
const CREDIT_LINE =
  /^(\s*[“”"])([\s\S]+?)[”"]\s*([―—])\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}?)\.?(?:,[^\n“”"!?]{1,80})?\s*$/u;

/**
 * The credit lines of text[start, end), one a line (a gallery prints several in a paragraph),
 * or null unless every line of it is one.
 */
export function creditLines(text: string, start: number, end: number): Credit[] | null {
  // Most paragraphs do not open with a quotation mark: one look at the opening says so.
  if (!/^\s*[“”"]/u.test(text.slice(start, start + OPENING_SPACE))) return null;
  const credits: Credit[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && text[i] !== "\n") continue;
    if (/\S/u.test(text.slice(from, i))) {
      const credit = creditLine(text, from, i);
      if (!credit) return null;
      credits.push(credit);
    }
    from = i + 1;
  }
  return credits.length > 0 ? credits : null;
}

/** Characters a paragraph's first mark may follow. */
const OPENING_SPACE = 4;

function creditLine(text: string, start: number, end: number): Credit | null {
  const paragraph = text.slice(start, end);
  const m = CREDIT_LINE.exec(paragraph);
  if (!m) return null;
  const [, open = "", words = "", dash = "", name = ""] = m;
  const contentStart = start + open.length;
  const contentEnd = contentStart + words.length;
  const cueStart = start + paragraph.indexOf(dash, contentEnd - start);
  const nameStart = start + paragraph.indexOf(name, cueStart + 1 - start);
  // "Edwin G. Monroy." ends a sentence; the name is what comes before the full stop.
  const nameText = name.replace(/\.$/u, "");
  return {
    content: { start: contentStart, end: contentEnd },
    cue: { start: cueStart, end: cueStart + 1 },
    name: { start: nameStart, end: nameStart + nameText.length },
  };
}
