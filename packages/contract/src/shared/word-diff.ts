// A word-level diff for showing how an article changed between versions, or what an amendment proposes
// against the article it amends. It runs in the browser (the public consultation widget) as well as on the
// server, so it is pure and bounded: a Myers diff over words whose edit distance is capped, with the common
// head and tail taken off first (most edits touch a few words of a long text).

/** What happened to a run of text: kept, added by the newer text, or taken out of the older one. */
export type WordDiffOp = 'equal' | 'insert' | 'delete';

/** One run of a {@link wordDiff}: consecutive runs never share an `op`. */
export interface WordDiffPart {
  op: WordDiffOp;
  text: string;
}

/**
 * The most word edits the diff looks for before giving up on detail: past it, the differing middle is
 * shown as one deletion and one insertion. Memory grows with its square (about 4 MB at 1 000) and time with
 * it times the number of words, so two texts of `CONTRIBUTION_PROPOSED_TEXT_MAX` characters diff in a few
 * milliseconds even when they share nothing.
 */
export const WORD_DIFF_MAX_EDITS = 1000;

// A word is letters with their combining marks (Arabic tashkeel, Latin accents, the Tifinagh consonant
// joiner), digits and joiners; anything else (a space run, one punctuation sign) is a token of its own.
const FALLBACK_TOKEN = /(?:[\p{L}\p{M}\p{N}_]|\u200C|\u200D)+|\s+|[^\p{L}\p{M}\p{N}\s]/gsu;

interface Segmenter {
  segment(text: string): Iterable<{ segment: string }>;
}

function wordSegmenter(): Segmenter | undefined {
  const Ctor = (globalThis.Intl as { Segmenter?: new (locale?: string, options?: object) => Segmenter })
    .Segmenter;
  return Ctor ? new Ctor(undefined, { granularity: 'word' }) : undefined;
}

let segmenter: Segmenter | undefined | null = null;

// A run of these is one word under Unicode's word boundaries (UAX #29: letters, their marks and digits run
// together), so it needs no segmenter: Latin, Arabic and Tifinagh, the platform's scripts.
const WHOLE_WORD = /^[\p{Script=Latin}\p{Script=Arabic}\p{Script=Tifinagh}\p{M}\p{N}]+$/u;

/**
 * The tokens of `text`: words, space runs and punctuation, which concatenate back to `text`. Uses
 * `Intl.Segmenter` (Unicode word boundaries, which never split a word from its marks) when the runtime has
 * it, else a split on spaces and punctuation ({@link splitWords}). The segmenter only sees the pieces between
 * spaces that are not plain words (`l’article`, `الأجل،`): on a whole 20 000-character article V8's segmenter
 * took 140 to 410 ms, piece by piece 5 ms, with the same tokens.
 *
 * @example
 * ```ts
 * wordTokens('يُحدَّد الأجل'); // ['يُحدَّد', ' ', 'الأجل']
 * ```
 */
export function wordTokens(text: string): string[] {
  if (segmenter === null) segmenter = wordSegmenter();
  if (!segmenter) return splitWords(text);
  const tokens: string[] = [];
  for (const piece of text.split(/(\s+)/)) {
    if (piece === '') continue;
    if (WHOLE_WORD.test(piece) || /^\s/.test(piece)) tokens.push(piece);
    else for (const part of segmenter.segment(piece)) tokens.push(part.segment);
  }
  return tokens;
}

/**
 * The tokens of `text` where `Intl.Segmenter` is missing: runs of letters with their marks and digits, space
 * runs, and single other signs; they concatenate back to `text`.
 *
 * @example
 * ```ts
 * splitWords('l’article 3'); // ['l', '’', 'article', ' ', '3']
 * ```
 */
export function splitWords(text: string): string[] {
  return text.match(FALLBACK_TOKEN) ?? [];
}

/**
 * The edit script between `a` and `b` by Myers' O(ND) algorithm, as ops per token (`equal` consumes one
 * token of each side). `undefined` when more than `maxEdits` edits are needed.
 */
function myers(a: readonly string[], b: readonly string[], maxEdits: number): WordDiffOp[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] keeps V[-d..d] as it was before step d, enough to walk back: memory O(D²), not O((N+M)·D).
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))
          ? (v[offset + k + 1] as number)
          : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], last: number, n: number, m: number): WordDiffOp[] {
  const ops: WordDiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = last; d > 0; d--) {
    const before = trace[d] as Int32Array; // V[-d..d] before step d, that is after step d - 1
    const at = (k: number) => before[k + d] as number;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push('equal');
      x--;
      y--;
    }
    ops.push(down ? 'insert' : 'delete');
    if (down) y--;
    else x--;
  }
  while (x > 0 && y > 0) {
    ops.push('equal');
    x--;
    y--;
  }
  return ops.reverse();
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/**
 * Turns per-token ops into runs: a space run kept between two changes joins them (so "a b" → "x y" reads as
 * one replacement, not two with a kept space between), and within each stretch of changes the deleted text
 * comes before the inserted one.
 */
function toParts(tokens: { op: WordDiffOp; text: string }[]): WordDiffPart[] {
  for (let i = 1; i < tokens.length - 1; i++) {
    const token = tokens[i] as { op: WordDiffOp; text: string };
    if (
      token.op === 'equal' &&
      isBlank(token.text) &&
      tokens[i - 1]?.op !== 'equal' &&
      tokens[i + 1]?.op !== 'equal'
    ) {
      tokens.splice(i, 1, { op: 'delete', text: token.text }, { op: 'insert', text: token.text });
      i++;
    }
  }
  const parts: WordDiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) parts.push({ op: 'delete', text: deleted });
    if (inserted) parts.push({ op: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  for (const token of tokens) {
    if (token.op === 'delete') deleted += token.text;
    else if (token.op === 'insert') inserted += token.text;
    else {
      flush();
      const previous = parts[parts.length - 1];
      if (previous?.op === 'equal') previous.text += token.text;
      else parts.push({ op: 'equal', text: token.text });
    }
  }
  flush();
  return parts;
}

/**
 * The word-level differences between two texts, as runs to render: `equal` text is kept, `delete` text is
 * in `before` only, `insert` text in `after` only. Joining the `equal` and `delete` runs gives `before`;
 * the `equal` and `insert` runs give `after`. Words are never split (Arabic diacritics stay with their
 * letters), whatever the script: Arabic, Tifinagh, French. Beyond {@link WORD_DIFF_MAX_EDITS} word edits,
 * the differing middle is one deletion and one insertion.
 *
 * @example
 * ```ts
 * wordDiff('يحدد الأجل في ثلاثين يوما', 'يحدد الأجل في ستين يوما');
 * // [{ op: 'equal', text: 'يحدد الأجل في ' }, { op: 'delete', text: 'ثلاثين' },
 * //  { op: 'insert', text: 'ستين' }, { op: 'equal', text: ' يوما' }]
 * ```
 */
export function wordDiff(before: string, after: string, maxEdits = WORD_DIFF_MAX_EDITS): WordDiffPart[] {
  if (before === after) return before ? [{ op: 'equal', text: before }] : [];
  const a = wordTokens(before);
  const b = wordTokens(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const tokens: { op: WordDiffOp; text: string }[] = a
    .slice(0, head)
    .map((text) => ({ op: 'equal' as const, text }));
  const ops = myers(midA, midB, maxEdits);
  if (ops) {
    let i = 0;
    let j = 0;
    for (const op of ops) {
      if (op === 'equal') {
        tokens.push({ op, text: midA[i] as string });
        i++;
        j++;
      } else if (op === 'delete') tokens.push({ op, text: midA[i++] as string });
      else tokens.push({ op, text: midB[j++] as string });
    }
  } else {
    tokens.push({ op: 'delete', text: midA.join('') }, { op: 'insert', text: midB.join('') });
  }
  for (const text of a.slice(a.length - tail)) tokens.push({ op: 'equal', text });
  return toParts(tokens.filter((t) => t.text !== ''));
}
