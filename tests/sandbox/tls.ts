/**
 * The sandbox's TLS identity: one self-signed certificate for hh.ru, its sister sites and
 * api.hh.ru, cached in .cache/sandbox-cert/ so browsers pinned to its SPKI keep trusting it
 * across runs. Chromium trusts it through --ignore-certificate-errors-spki-list=<spki>.
 */
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'selfsigned';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE_DIR = path.join(REPO_ROOT, '.cache/sandbox-cert');
const CACHE_FILE = path.join(CACHE_DIR, 'identity.json');

const CERT_DNS_NAMES = [
  'hh.ru',
  '*.hh.ru',
  'api.hh.ru',
  'hh.kz',
  '*.hh.kz',
  'rabota.by',
  '*.rabota.by',
  'localhost',
] as const;
const CERT_IPS = ['127.0.0.1'] as const;

export interface TlsIdentity {
  key: string;
  cert: string;
  /** base64 sha256 of the certificate's SubjectPublicKeyInfo (Chromium's SPKI pin). */
  spki: string;
}

interface Cached {
  key: string;
  cert: string;
  names: string[];
}

const WANTED_NAMES = [...CERT_DNS_NAMES, ...CERT_IPS];
/** Regenerate a week before expiry so a long test run never meets an expired cert. */
const RENEW_BEFORE_MS = 7 * 24 * 3_600_000;

export function spkiOf(certPem: string): string {
  const der = createPublicKey(certPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

function readCache(): Cached | null {
  try {
    const cached = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as Cached;
    const sameNames = cached.names.join(',') === WANTED_NAMES.join(',');
    const validTo = Date.parse(new X509Certificate(cached.cert).validTo);
    return sameNames && validTo - Date.now() > RENEW_BEFORE_MS ? cached : null;
  } catch {
    return null;
  }
}

async function createIdentity(): Promise<Cached> {
  const notBeforeDate = new Date(Date.now() - 24 * 3_600_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 365 * 24 * 3_600_000);
  const pems = await generate([{ name: 'commonName', value: 'hh.ru' }, { name: 'organizationName', value: 'Otklik sandbox' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...CERT_DNS_NAMES.map((value) => ({ type: 2 as const, value })), ...CERT_IPS.map((ip) => ({ type: 7 as const, ip }))],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert, names: WANTED_NAMES };
}

/** The cached identity, or a new one (written atomically: parallel test workers may race here). */
export async function loadTlsIdentity(): Promise<TlsIdentity> {
  let cached = readCache();
  if (!cached) {
    cached = await createIdentity();
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${CACHE_FILE}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(cached));
    renameSync(tmp, CACHE_FILE);
    writeFileSync(path.join(CACHE_DIR, 'cert.pem'), cached.cert);
  }
  return { key: cached.key, cert: cached.cert, spki: spkiOf(cached.cert) };
}
