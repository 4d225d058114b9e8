/** A parsed JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside a JSON document (capped, so huge seeds stay cheap). */
export function jsonPaths(value: Json, limit = 4000): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: [Json, (string | number)[]][] = [[value, []]];
  while (stack.length > 0 && out.length < limit) {
    const [node, at] = stack.pop() ?? [null, []];
    out.push(at);
    if (Array.isArray(node)) node.forEach((child, index) => stack.push([child, [...at, index]]));
    else if (node && typeof node === 'object')
      for (const [key, child] of Object.entries(node)) stack.push([child, [...at, key]]);
  }
  return out;
}
