import type { ReportingDescriptor } from 'sarif';

/** Titles that only restate the rule id ("Semgrep Finding: <id>", or the id itself) say nothing. */
function saysNothing(text: string, ruleId: string): boolean {
  const bare = text.trim();
  return (
    bare === '' ||
    bare === ruleId ||
    bare.endsWith(`: ${ruleId}`) ||
    /^(semgrep|checkov|trivy|grype|gitleaks) (finding|result|rule)\b/i.test(bare) ||
    /^Misconfiguration$/i.test(bare)
  );
}

/** The first line with text in it (without splitting a long message into all its lines). */
function firstLine(text: string): string {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (line.trim()) return line;
    if (end < 0) break;
    start = end + 1;
  }
  return text;
}

/** Results repeat their rule's description: each text is shortened once. */
const shortened = new Map<string, string>();

/** The first sentence, without a trailing aside when it runs long. */
export function shorten(text: string, max = 110): string {
  const key = max === 110 ? text : `${max}\u0000${text}`;
  const known = shortened.get(key);
  if (known !== undefined) return known;
  const title = shortenOnce(text, max);
  if (shortened.size > 50_000) shortened.clear();
  shortened.set(key, title);
  return title;
}

function shortenOnce(text: string, max: number): string {
  let title = firstLine(text).trim();
  const sentenceEnd = /(?<=[a-z0-9)'"])\. (?=[A-Z])/.exec(title);
  if (sentenceEnd) title = title.slice(0, sentenceEnd.index);
  title = title.replace(/\.$/, '');
  if (title.length > 80) {
    const comma = title.indexOf(', ');
    if (comma >= 15) title = title.slice(0, comma);
  }
  // A cut inside parentheses leaves "… (eval": drop the open aside instead.
  const open = title.lastIndexOf('(');
  if (open > title.lastIndexOf(')')) title = title.slice(0, open).trimEnd();
  if (title.length > max) {
    const paren = title.indexOf(' (');
    if (paren >= 25) title = title.slice(0, paren);
  }
  return title.length > max ? `${title.slice(0, max - 1).trimEnd()}…` : title;
}

/**
 * A title a person reads: the rule's short description, unless it only restates the id; then its
 * full description, then the result's message; the id only when nothing else exists.
 */
export function humanTitle(
  rule: ReportingDescriptor | undefined,
  message: string,
  ruleId: string,
): string {
  return ruleTitle(rule, ruleId) ?? messageTitle(rule, message, ruleId);
}

/**
 * The title the rule's own descriptions give, when one says something: humanTitle's answer for
 * every result of the rule, whatever its message (so it can be computed once per rule).
 */
export function ruleTitle(
  rule: ReportingDescriptor | undefined,
  ruleId: string,
): string | undefined {
  for (const candidate of [rule?.shortDescription?.text, rule?.fullDescription?.text])
    if (candidate && !saysNothing(shorten(candidate), ruleId)) return shorten(candidate);
  return undefined;
}

/** humanTitle where ruleTitle found nothing: the result's message, then the rule's name, then the id. */
export function messageTitle(
  rule: ReportingDescriptor | undefined,
  message: string,
  ruleId: string,
): string {
  for (const candidate of [message, rule?.name])
    if (candidate && !saysNothing(shorten(candidate), ruleId)) return shorten(candidate);
  return ruleId;
}
