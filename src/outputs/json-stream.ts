import { open } from 'node:fs/promises';

const FLUSH_AT = 4 * 1024 * 1024;

/**
 * Write `value` as pretty JSON (2-space indent, same text as JSON.stringify(value, null, 2)) without
 * ever holding the whole document in one string: V8 strings stop at ~512 MiB, which a merged SARIF
 * passes near 400k results. Containers down to `depth` levels are walked here; deeper values are
 * stringified one by one.
 */
export async function writeJsonFile(file: string, value: unknown, depth = 4): Promise<void> {
  const handle = await open(file, 'w');
  let pending: string[] = [];
  let pendingLength = 0;
  const push = async (text: string): Promise<void> => {
    pending.push(text);
    pendingLength += text.length;
    if (pendingLength >= FLUSH_AT) await flush();
  };
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const chunk = pending.join('');
    pending = [];
    pendingLength = 0;
    await handle.write(chunk);
  };
  const write = async (node: unknown, level: number): Promise<void> => {
    const indent = '  '.repeat(level);
    const inner = '  '.repeat(level + 1);
    const isContainer = typeof node === 'object' && node !== null;
    if (
      !isContainer ||
      level >= depth ||
      typeof (node as { toJSON?: unknown }).toJSON === 'function'
    ) {
      const text = JSON.stringify(node, null, 2);
      await push(
        text === undefined ? 'null' : level > 0 ? text.replaceAll('\n', `\n${indent}`) : text,
      );
      return;
    }
    if (Array.isArray(node)) {
      if (node.length === 0) return push('[]');
      await push('[\n');
      for (let index = 0; index < node.length; index++) {
        await push(inner);
        await write(node[index] === undefined ? null : node[index], level + 1);
        await push(index < node.length - 1 ? ',\n' : '\n');
      }
      return push(`${indent}]`);
    }
    const entries = Object.entries(node).filter(
      ([, v]) => v !== undefined && typeof v !== 'function',
    );
    if (entries.length === 0) return push('{}');
    await push('{\n');
    for (let index = 0; index < entries.length; index++) {
      const entry: [string, unknown] = entries[index] ?? ['', null];
      const [key, child] = entry;
      await push(`${inner}${JSON.stringify(key)}: `);
      await write(child, level + 1);
      await push(index < entries.length - 1 ? ',\n' : '\n');
    }
    await push(`${indent}}`);
  };
  try {
    await write(value, 0);
    await push('\n');
    await flush();
  } finally {
    await handle.close();
  }
}
