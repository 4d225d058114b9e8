const MAX_CELL = 160;

/**
 * Characters that change how the text around them reads without being visible: NUL and other C0/C1
 * controls, bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069, LRM/RLM/ALM),
 * line/paragraph separators and BOM. "Trojan Source" (CVE-2021-42574) hides code behind them.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Invisible and direction-changing characters shown as a visible `<U+202E>` marker instead. */
export function neutralize(text: string): string {
  return text.replace(INVISIBLE, (char) => `<${codePoint(char)}>`);
}

/**
 * One line for a log or terminal from untrusted text: controls (ANSI escapes included) and bidi
 * characters made visible, line breaks as `\n`, and a leading `::` (a GitHub Actions workflow
 * command, even after blanks) broken by a zero-width space.
 */
export function safeLogLine(text: string): string {
  const line = neutralize(text.replace(/\r\n|\r|\n/g, '\\n').replace(/\t/g, ' '));
  // The runner trims leading blanks before looking for `::`, so the pair itself is broken.
  return line.replace(/^(\s*):(:)/, '$1:\u200b$2');
}

export function truncate(text: string, max = MAX_CELL): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `truncate` that never splits a surrogate pair and never leaves an invisible control. */
function visible(text: string, max = MAX_CELL): string {
  return truncate(neutralize(text).toWellFormed(), max).toWellFormed();
}

/** Untrusted text inside HTML: tags, attributes and entities cannot be injected. */
export function escapeHtml(text: string): string {
  return neutralize(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Characters with a meaning in GitHub Markdown or HTML, or that start a mention, reference, emoji or autolink. */
const MARKDOWN_SPECIAL = /[&<>"'\\`*_{}[\]()#+!|~^$@:]/g;
const ZERO_WIDTH_SPACE = '&#8203;';

function entityFor(char: string): string {
  const entity = `&#${char.charCodeAt(0)};`;
  // GitHub finds @mentions, #references and e-mail autolinks in the text *after* entities are
  // decoded, so `&#64;org` alone still pings @org: a zero-width space after it breaks the match.
  return char === '@' || char === '#' ? entity + ZERO_WIDTH_SPACE : entity;
}

/**
 * Untrusted text inside GitHub Markdown (tables included): no formatting, links, images, HTML,
 * @mentions or #references can come out of it, and it stays on one line. One pass, so an entity
 * written for one character is never escaped again (`'` → `&#39;`, not `&&#35;39;`).
 */
export function escapeMarkdown(text: string, max = MAX_CELL): string {
  return visible(text.replace(/[\r\n\t]+/g, ' ').trim(), max)
    .replace(MARKDOWN_SPECIAL, entityFor)
    .replace(/\b(www)\./gi, '$1&#46;');
}
