/**
 * Defensive readers for hh.ru's undocumented JSON: a value is taken only when it has the expected
 * type (numbers may arrive as numeric strings, titles as `[{string}]`), otherwise it is absent.
 */
export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a path of keys (array indexes as strings), or undefined as soon as a step is missing. */
export function at(v: unknown, ...path: string[]): unknown {
  let cur = v;
  for (const key of path) {
    if (Array.isArray(cur) && /^\d+$/.test(key)) cur = cur[Number(key)];
    else if (isObj(cur)) cur = cur[key];
    else return undefined;
  }
  return cur;
}

export function obj(v: unknown): Obj | null {
  return isObj(v) ? v : null;
}

export function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

export function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return null;
}

export function bool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return null;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** hh.ru writes texts as `"x"`, `{string: "x"}` or `[{string: "x"}]`. */
export function text(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.length > 0 ? text(v[0]) : null;
  if (isObj(v)) return str(v['string']) ?? str(v['name']) ?? str(v['title']) ?? null;
  return null;
}

/** The first of several candidate places that holds a value. */
export function first<T>(...candidates: Array<T | null | undefined>): T | null {
  for (const c of candidates) if (c !== null && c !== undefined) return c;
  return null;
}

/** A list of ids written as numbers or strings. */
export function ids(v: unknown): string[] {
  return arr(v)
    .map(str)
    .filter((x): x is string => x !== null);
}
