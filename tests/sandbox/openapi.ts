/**
 * Validates the sandbox's API answers against HH's published OpenAPI spec, read at run time from
 * the shared reference copy (nothing of the spec lives in this repo).
 *
 * OpenAPI 3.0 is not JSON Schema, so the spec is converted on load:
 * - `nullable: true` becomes a `null` type (or `anyOf [..., null]` where there is no `type`);
 * - a `$ref` keeps only itself (3.0 ignores a reference's siblings);
 * - `oneOf` becomes `anyOf`: HH's unions overlap (an applicant profile also matches `MeAnyProfile`,
 *   whose fields every profile has), so exactly-one can never hold for real answers.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import YAML from 'yaml';
import { REPO_ROOT } from './tls';

const SPEC_FILE = 'hh-openapi-2025-07.yaml';
/**
 * `OTKLIK_HH_OPENAPI` when set; else the shared reference copy beside the checkout (worktrees), or the
 * machine's one (a clone elsewhere, e.g. a fresh clone in /tmp).
 */
const SPEC_CANDIDATES = [
  process.env.OTKLIK_HH_OPENAPI,
  path.resolve(REPO_ROOT, '../shared/reference', SPEC_FILE),
  path.join('/work/shared/reference', SPEC_FILE),
].filter((p): p is string => !!p);
const SPEC_PATH = SPEC_CANDIDATES.find((p) => existsSync(p)) ?? SPEC_CANDIDATES[0]!;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

interface Operation {
  method: string;
  path: string;
  servers: string[];
  responses: Record<string, JsonObject>;
}

const SPEC_ID = 'hh-openapi';

function isObject(x: unknown): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function convert(node: Json): Json {
  if (Array.isArray(node)) return node.map(convert);
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') {
    const ref: JsonObject = { $ref: node.$ref.startsWith('#') ? `${SPEC_ID}${node.$ref}` : node.$ref };
    return node.nullable === true ? { anyOf: [ref, { type: 'null' }] } : ref;
  }
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'nullable' || k === 'discriminator' || k === 'example' || k === 'examples') continue;
    // `properties`, `patternProperties` and friends map names to schemas: convert the schemas, keep the names.
    if ((k === 'properties' || k === 'patternProperties') && isObject(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, convert(s)]));
    } else {
      out[k === 'oneOf' ? 'anyOf' : k] = convert(v);
    }
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

function resolvePointer(doc: JsonObject, ref: string): Json {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<Json>((o, k) => (isObject(o) ? (o[k] as Json) : null), doc);
}

export interface SpecValidator {
  operation(operationId: string): Operation;
  /** Errors of `body` against the operation's response schema for `status` (JSON answers), [] when valid. */
  validate(operationId: string, status: number, body: unknown): ErrorObject[];
  /** A compact one-line-per-error text for assertion messages. */
  explain(errors: ErrorObject[]): string;
}

export function loadSpecValidator(specPath = SPEC_PATH): SpecValidator {
  if (!existsSync(specPath)) {
    throw new Error(
      `HH's OpenAPI spec (${SPEC_FILE}, from https://github.com/hhru/api) is not at ${SPEC_CANDIDATES.join(' nor ')}: ` +
        'put a copy there or point OTKLIK_HH_OPENAPI at one.',
    );
  }
  const spec = YAML.parse(readFileSync(specPath, 'utf8')) as JsonObject;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv, ['uri', 'email', 'date']);
  // HH writes dates without a colon in the offset and uses home-made format names: not JSON Schema formats.
  for (const f of ['date-time', 'dateTime', 'phone', 'int64', 'double', 'binary']) ajv.addFormat(f, true);
  ajv.addSchema({ $id: SPEC_ID, components: convert(spec.components as Json) } as object);

  const operations = new Map<string, Operation>();
  for (const [p, item] of Object.entries(spec.paths as JsonObject)) {
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!isObject(op) || typeof op.operationId !== 'string') continue;
      const servers = Array.isArray(op.servers) ? op.servers.filter(isObject).map((s) => String(s.url)) : [];
      const responses: Record<string, JsonObject> = {};
      for (const [status, r] of Object.entries(op.responses as JsonObject)) {
        const resolved = isObject(r) && typeof r.$ref === 'string' ? resolvePointer(spec, r.$ref) : r;
        if (isObject(resolved)) responses[status] = resolved;
      }
      operations.set(op.operationId, { method: method.toUpperCase(), path: p, servers, responses });
    }
  }

  const compiled = new Map<string, ValidateFunction>();
  const operation = (operationId: string): Operation => {
    const op = operations.get(operationId);
    if (!op) throw new Error(`operationId ${operationId} is not in the spec`);
    return op;
  };

  return {
    operation,
    validate(operationId, status, body) {
      const key = `${operationId} ${status}`;
      let fn = compiled.get(key);
      if (!fn) {
        const response = operation(operationId).responses[String(status)];
        if (!response) throw new Error(`${operationId} has no ${status} response in the spec`);
        const content = isObject(response.content) ? response.content : {};
        const media = Object.entries(content).find(([ct]) => ct.includes('json'))?.[1];
        if (!isObject(media) || !isObject(media.schema)) throw new Error(`${operationId} ${status} has no JSON schema`);
        fn = ajv.compile(convert(media.schema) as object);
        compiled.set(key, fn);
      }
      return fn(body) ? [] : [...(fn.errors ?? [])];
    },
    explain(errors) {
      return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
    },
  };
}
