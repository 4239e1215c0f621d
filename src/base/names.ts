/**
 * Names as a reader sees them. Two names that print the same are the same name: the
 * comparison key of a name is its Unicode NFKC form (full-width letters and digits, the
 * ideographic space and other compatibility forms become their plain forms), without
 * invisible characters (zero-width and bidirectional controls), trimmed, with each run
 * of white space read as one space. Every place that matches or counts names (the
 * uniqueness of projects, units and carry-overs; a form finding its project) compares
 * these keys, so that "ＡＢ项目" and "AB项目 " cannot be two projects, nor a form miss
 * its project by an invisible character.
 */

/** Zero-width characters, bidirectional controls and other invisible format characters. */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Names made only of characters that NFKC leaves as they are, with no white space or
 * invisible character (printable ASCII, the CJK unified ideographs, 、。, the CJK
 * brackets 〈〉《》「」『』【】, the em dash and curly double quotes): their key is the name
 * itself. Most names are such, and normalising costs more than the rest of a lookup.
 */
const STABLE = /^[\x21-\x7e\u4e00-\u9fff\u3001\u3002\u3008-\u3011\u2014\u201c\u201d]*$/;

/** The key two names are compared by: equal keys are the same name. */
export function nameKey(name: string): string {
  if (STABLE.test(name)) return name;
  return name.normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}
