// Which text under the cursor could be an id. Plain Node. Ids may hold almost anything (spaces, "/", unicode), so
// a position yields a few candidates, each bounded by delimiters and so a whole token, never part of a longer word:
// the contents of the quoted string around the cursor, the run of characters up to whitespace, quotes or brackets,
// and the word (letters, digits, marks, "_" and "-").

export interface Candidate {
  text: string;
  /** Offsets in the line: [start, end). */
  start: number;
  end: number;
}

const RUN = /[^\s"'`()[\]{}<>,;]+/gu;
const WORD = /[\p{L}\p{N}\p{M}_-]+/gu;
/** Lines longer than this are not searched (minified files): a hover must stay cheap. */
export const MAX_LINE_LENGTH = 2000;

function around(line: string, character: number, pattern: RegExp): Candidate | undefined {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start <= character && character < end) return { text: match[0], start, end };
    if (start > character) return undefined;
  }
  return undefined;
}

function quotedAround(line: string, character: number): Candidate | undefined {
  for (const quote of ['"', "'", '`']) {
    let open = -1;
    for (let i = 0; i < line.length; i++) {
      if (line[i] !== quote || (i > 0 && line[i - 1] === '\\')) continue;
      if (open < 0) {
        open = i;
      } else {
        if (open < character && character < i && i - open > 1) return { text: line.slice(open + 1, i), start: open + 1, end: i };
        open = -1;
      }
    }
  }
  return undefined;
}

/** The candidates at `character`, widest first, each text once. */
export function candidatesAt(line: string, character: number): Candidate[] {
  if (line.length > MAX_LINE_LENGTH || character < 0 || character > line.length) return [];
  const found = [quotedAround(line, character), around(line, character, RUN), around(line, character, WORD)];
  const seen = new Set<string>();
  return found.filter((candidate): candidate is Candidate => {
    if (!candidate || candidate.text.trim() === '' || seen.has(candidate.text)) return false;
    seen.add(candidate.text);
    return true;
  });
}

/**
 * Whether a token is worth a GetMessageGroup lookup: 8 to 64 characters of letters, digits, "_" and "-" with at
 * least one letter and one digit (generated ids look like that; ordinary words and numbers do not).
 */
export function looksLikeGroupId(text: string): boolean {
  return /^[A-Za-z0-9_-]{8,64}$/.test(text) && /[A-Za-z]/.test(text) && /\d/.test(text);
}
