/**
 * The one place zod is imported from. The extension CSP forbids eval: zod probes `new Function`
 * for its JIT unless told not to, and that probe alone reports a CSP violation. Configure it once,
 * before any schema exists, and build every schema from this module.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
export type { ZodType } from 'zod';
