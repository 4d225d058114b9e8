import { hash } from 'node:crypto';

/** Hard-coded password / key / credential weaknesses: a finding with one of these is a secret. */
const SECRET_CWES: ReadonlySet<string> = new Set(['CWE-798', 'CWE-259', 'CWE-321', 'CWE-522']);

/** Rule ids of the secret families of code and IaC scanners (`…secrets…`, Checkov `CKV_SECRET_*`). */
const SECRET_RULE =
  /^CKV2?_SECRET_|(^|[./_-])(secrets?|hardcoded[-_.]?(password|credential|secret|key|token)s?)([./_-]|$)/i;

export interface SecretSignals {
  tool: string;
  ruleId: string;
  /** Lower-cased tags of the rule and result. */
  tags: readonly string[];
  cwes: readonly string[];
}

/** A secret, whichever tool reported it: secret scanners, secret rules, credential CWEs. */
export function isSecret(signals: SecretSignals): boolean {
  return (
    signals.tool === 'gitleaks' ||
    signals.tags.includes('secret') ||
    signals.tags.includes('secrets') ||
    SECRET_RULE.test(signals.ruleId) ||
    signals.cwes.some((cwe) => SECRET_CWES.has(cwe))
  );
}

/** What tools write when they already redacted the value themselves. */
const TOOL_REDACTED = /^(REDACTED|\*+|.*\*{4,}.*|\[redacted[^\]]*\])$/i;

/**
 * A non-reversible hint for a redacted secret: the rule, the first 4 characters (only when the
 * value is long enough that 4 characters give nothing useful away) and the length.
 */
export function secretHint(ruleId: string, value: string | undefined): string {
  const text = value?.trim() ?? '';
  // Re-merging scanfold's own output keeps the hint it wrote.
  if (/^\[secret redacted: [^\n]*\]$/.test(text)) return text;
  if (!text || TOOL_REDACTED.test(text)) return `[secret redacted: ${ruleId}]`;
  const prefix =
    text.length >= 12 ? `, starts "${JSON.stringify(text.slice(0, 4)).slice(1, -1)}"` : '';
  return `[secret redacted: ${ruleId}${prefix}, ${text.length} chars]`;
}

/** A stable, non-reversible stand-in for a value that must stay comparable (fingerprints). */
export function redactedDigest(value: string): string {
  if (/^sha256:[0-9a-f]{32}$/.test(value)) return value;
  return `sha256:${hash('sha256', `scanfold-redact\0${value}`, 'hex').slice(0, 32)}`;
}

const KNOWN_PREFIX =
  /^(AKIA|ASIA|AGPA|AIDA|AROA|gh[pousr]_|github_pat_|glpat-|xox[abprs]-|sk_live_|rk_live_|AIza|ya29\.|npm_|pypi-)/;

/** Long enough and mixed enough to be a credential rather than a word, path or identifier. */
function looksLikeCredential(token: string): boolean {
  if (token.length < 16 || TOOL_REDACTED.test(token)) return false;
  if (KNOWN_PREFIX.test(token)) return true;
  if (/\/[^/]*\.[A-Za-z0-9]{1,8}$/.test(token) || /^[\w.-]+\.[a-z]{1,5}$/.test(token)) return false;
  const upper = /[A-Z]/.test(token);
  const lower = /[a-z]/.test(token);
  const digit = /\d/.test(token);
  if (upper && lower && digit) return true;
  // AKIA-style upper-case keys and hex/base32 secrets: letters and digits, no lower-case words.
  return token.length >= 20 && digit && (upper || lower) && !/[_]/.test(token);
}

/**
 * The credential-looking pieces of a secret's snippet: long runs of key/token characters, PEM body
 * lines included. These are scrubbed from every output text (raw scanner files included), wherever
 * a tool copied them: a whole snippet would miss the same token in a differently sliced line.
 */
export function secretTokens(snippet: string | undefined): string[] {
  if (!snippet) return [];
  const tokens = new Set<string>();
  for (const match of snippet.matchAll(/[A-Za-z0-9+/=_.~-]{16,}/g)) {
    const token = match[0].replace(/^[._~-]+|[._~-]+$/g, '');
    if (looksLikeCredential(token)) tokens.add(token);
  }
  return [...tokens];
}

const REDACTED = '[secret redacted]';
/** Tokens per compiled pattern: V8 matches a few hundred literal alternatives quickly. */
const TOKENS_PER_PATTERN = 256;
const patterns = new WeakMap<readonly string[], RegExp[]>();

/**
 * One pattern per few hundred tokens, each token plain and JSON-escaped, longest first (so a token
 * that contains another is replaced whole). Compiled once per token list: scrubbing every string
 * of a 100k-result log token by token was minutes of work with a few hundred secrets.
 */
function patternsFor(tokens: readonly string[]): RegExp[] {
  let compiled = patterns.get(tokens);
  if (compiled) return compiled;
  const variants = new Set<string>();
  for (const token of tokens) {
    if (!token) continue;
    variants.add(token);
    variants.add(JSON.stringify(token).slice(1, -1));
    // As tool keys are made (lower case) and as URIs carry it (percent-encoded).
    variants.add(token.toLowerCase());
    variants.add(encodeURIComponent(token));
  }
  const sorted = [...variants].sort((a, b) => b.length - a.length);
  compiled = [];
  for (let start = 0; start < sorted.length; start += TOKENS_PER_PATTERN)
    compiled.push(
      new RegExp(
        sorted
          .slice(start, start + TOKENS_PER_PATTERN)
          .map((token) => token.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
          .join('|'),
        'g',
      ),
    );
  patterns.set(tokens, compiled);
  return compiled;
}

/** The marker in a URI: one with a space or brackets is no URI, and the location would go. */
export const URI_REDACTED = 'secret-redacted';

/**
 * Replace every occurrence of every token (plain, JSON-escaped, lower-cased or percent-encoded)
 * with a fixed marker.
 */
export function scrubTokens(text: string, tokens: readonly string[], marker = REDACTED): string {
  if (tokens.length === 0) return text;
  let out = text;
  for (const pattern of patternsFor(tokens)) out = out.replace(pattern, marker);
  return out;
}

/** Token characters at the end of a cut text, before its ellipsis. */
const CUT_TAIL = /([A-Za-z0-9+/=_.~-]+)(…|\.\.\.)$/;

/**
 * A title shortened before the run's secrets were known may end inside one ("… ghp_A1b2C3…"):
 * scrubbing the whole token cannot find that head, so it is replaced here.
 */
export function scrubCutTitles(
  findings: readonly { title: string }[],
  tokens: readonly string[],
): void {
  if (tokens.length === 0) return;
  const heads = new Set<string>();
  for (const token of tokens)
    for (let length = 4; length < Math.min(token.length, 256); length++)
      heads.add(token.slice(0, length));
  for (const finding of findings) {
    const cut = CUT_TAIL.exec(finding.title);
    const tail = cut?.[1];
    if (!cut || !tail) continue;
    for (let start = 0; start + 4 <= tail.length; start++)
      if (heads.has(tail.slice(start))) {
        finding.title = `${finding.title.slice(0, cut.index + start)}${REDACTED}${cut[2]}`;
        break;
      }
  }
}
