/**
 * The one place zod is imported from. The extension CSP forbids eval: zod probes `new Function`
 * for its JIT unless told not to, and that probe alone reports a CSP violation. Configure it once,
 * before any schema exists, and build every schema from this module.
 *
 * zod/mini, not classic zod: the same parser behind a functional API that bundles tree-shake, which
 * keeps the background script and the shared UI chunk small. Unlike classic zod it brings no
 * messages of its own, so English is set here to keep the validation detail in errors readable.
 */
import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config({ jitless: true, ...en() });

export { z };
export type { ZodMiniType as ZodType } from 'zod/mini';
