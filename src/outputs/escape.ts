const MAX_CELL = 160;

export function truncate(text: string, max = MAX_CELL): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Untrusted text inside HTML: tags, attributes and entities cannot be injected. */
export function escapeHtml(text: string): string {
  return text
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
  return truncate(text.replace(/[\r\n\t]+/g, ' ').trim(), max)
    .replace(MARKDOWN_SPECIAL, entityFor)
    .replace(/\b(www)\./gi, '$1&#46;');
}
