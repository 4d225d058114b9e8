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

/**
 * Untrusted text inside GitHub Markdown (tables included): no formatting, links, images, HTML,
 * @mentions or #references can come out of it, and it stays on one line.
 */
export function escapeMarkdown(text: string, max = MAX_CELL): string {
  return escapeHtml(truncate(text.replace(/[\r\n\t]+/g, ' ').trim(), max))
    .replace(/[\\`*_{}[\]()#+!|~^$]/g, (char) => `&#${char.charCodeAt(0)};`)
    .replace(/@/g, '&#64;')
    .replace(/:/g, '&#58;');
}
