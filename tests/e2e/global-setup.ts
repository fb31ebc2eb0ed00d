import { existsSync } from 'node:fs';
import { EXTENSION_DIR } from './browser';

/** The suite drives the built e2e extension; `npm test` builds it first. */
export default function globalSetup(): void {
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error(`No e2e build at ${EXTENSION_DIR}: run \`npx wxt build --mode e2e\` first (npm test does).`);
  }
}
