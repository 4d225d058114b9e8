import { secretTokens } from './secrets.ts';

/**
 * Credentials recognised by their own shape, whichever tool's text holds them (a linter's message,
 * a rule's help, a property): distinctive prefixes and lengths only, so ordinary text is left alone.
 * Each shape runs only on text holding one of its literal anchors (`includes` is much cheaper).
 */
const SHAPES: readonly { anchors: readonly string[]; pattern: RegExp }[] = [
  // AWS access key ids (long-term and temporary).
  {
    anchors: ['AKIA', 'ASIA'],
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
  },
  // GitHub tokens: classic (ghp_, OAuth, user-to-server, server-to-server, refresh) and fine-grained.
  {
    anchors: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,251}(?![A-Za-z0-9_])/g,
  },
  {
    anchors: ['github_pat_'],
    pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,251}(?![A-Za-z0-9_])/g,
  },
  { anchors: ['glpat-'], pattern: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g },
  { anchors: ['npm_'], pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g },
  // Slack tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe-) hold digits; "xoxo-gossip-girl" does not.
  {
    anchors: ['xox'],
    pattern: /(?<![A-Za-z0-9-])xox[abeprs]-(?=[A-Za-z-]*\d)[A-Za-z0-9-]{10,}/g,
  },
  {
    anchors: ['k_live_'],
    pattern: /(?<![A-Za-z0-9_])[sr]k_live_[A-Za-z0-9]{16,}(?![A-Za-z0-9_])/g,
  },
  { anchors: ['AIza'], pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g },
  // JWTs: a JSON header and payload (base64url of `{"`), then a signature.
  {
    anchors: ['eyJ'],
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g,
  },
];

/** The secret part of a Slack webhook URL; the T…/B… ids before it alone are not secret. */
const SLACK_WEBHOOK =
  /hooks\.slack\.com\\?\/(?:services|workflows|triggers)\\?\/[A-Za-z0-9_\\/-]*?([A-Za-z0-9]{20,})(?![A-Za-z0-9])/g;

/** An AWS secret access key is 40 base64 characters: redacted when labelled as one. */
const AWS_SECRET_LABELLED =
  /(?:aws[_-]?)?secret[_-]?(?:access[_-]?)?key\\?["']?\s*(?:=>|:=|[:=])?\s*\\?["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi;
/** …or when it stands beside an access key id (key pairs are printed together). */
const BASE64_40 = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const AWS_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/;
/** How far from an access key id a bare 40-character value still counts as its secret key. */
const PAIR_DISTANCE = 200;

const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_END = /-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;
/** A PEM block is a few kilobytes: its END line is looked for this far, no further. */
const PEM_MAX = 16_384;

/** Upper, lower and digit together: a key, not a word, a path or a hex digest. */
function mixed(value: string): boolean {
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value);
}

function privateKeyLines(text: string, into: Set<string>): void {
  for (const begin of text.matchAll(PEM_BEGIN)) {
    const rest = text.slice(begin.index + begin[0].length, begin.index + PEM_MAX);
    const end = PEM_END.exec(rest);
    // A BEGIN line alone is text about keys (a rule's help), not a key: without its END line the
    // words after it are not a key's body.
    if (!end) continue;
    // A key inside a JSON or escaped string has `\n` for its line breaks.
    const body = rest.slice(0, end.index).replace(/\\[nr]/g, '\n');
    for (const token of secretTokens(body)) into.add(token);
  }
}

/** Every shape's anchors in one pattern: one test rules out most strings at once. */
const ANY_ANCHOR =
  /AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|npm_|xox|k_live_|AIza|eyJ|hooks\.slack\.com|[Ss]ecret|SECRET|PRIVATE KEY/;

const has = (text: string, anchors: readonly string[]): boolean =>
  anchors.some((anchor) => text.includes(anchor));

/** Add every credential of a known shape in `text` to `into`. */
export function credentialsInText(text: string, into: Set<string>): void {
  if (text.length < 16 || !ANY_ANCHOR.test(text)) return;
  for (const { anchors, pattern } of SHAPES)
    if (has(text, anchors)) for (const match of text.matchAll(pattern)) into.add(match[0]);
  if (text.includes('hooks.slack.com'))
    for (const match of text.matchAll(SLACK_WEBHOOK)) if (match[1]) into.add(match[1]);
  if (has(text, ['secret', 'Secret', 'SECRET']))
    for (const match of text.matchAll(AWS_SECRET_LABELLED))
      if (match[1] && mixed(match[1])) into.add(match[1]);
  if (has(text, ['AKIA', 'ASIA']) && AWS_KEY_ID.test(text))
    for (const match of text.matchAll(BASE64_40)) {
      const near = text.slice(
        Math.max(0, match.index - PAIR_DISTANCE),
        match.index + match[0].length + PAIR_DISTANCE,
      );
      if (mixed(match[0]) && AWS_KEY_ID.test(near)) into.add(match[0]);
    }
  if (text.includes('PRIVATE KEY')) privateKeyLines(text, into);
}

/**
 * Every credential of a known shape in a JSON value: each string and each key, at any depth (a
 * SARIF log's messages, snippets, rules' help and properties).
 */
export function credentialsIn(value: unknown, into: Set<string>): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') credentialsInText(node, into);
    else if (Array.isArray(node)) for (const child of node as unknown[]) stack.push(child);
    else if (node && typeof node === 'object')
      // for…in, not Object.entries: no array per object over a 100k-result log.
      for (const key in node)
        if (Object.hasOwn(node, key)) {
          credentialsInText(key, into);
          stack.push((node as Record<string, unknown>)[key]);
        }
  }
}
