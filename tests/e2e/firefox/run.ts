/**
 * `npm run test:firefox`: the user journeys in Firefox ESR (the MV2 build, `.output/firefox-mv2-e2e`),
 * each in a fresh profile against one sandbox hh.ru. `-- --only <regexp>` runs the journeys whose
 * name matches. Prints `N passed, M failed`; exits non-zero on any failure.
 */
import { existsSync } from 'node:fs';
import { startSandbox } from '../../sandbox/server';
import { EXT_DIR, runJourneys, startEnv } from './harness';
import { installJourneys } from './install';
import { popupJourneys } from './popup';
import { optionsJourneys } from './options';
import { vacancyJourneys } from './vacancy';
import { searchJourneys } from './search';
import { automationJourneys } from './automation';

async function main(): Promise<boolean> {
  if (!existsSync(`${EXT_DIR}/manifest.json`) || !existsSync(`${EXT_DIR}/e2e.html`)) {
    throw new Error(`No Firefox e2e build at ${EXT_DIR}: run \`npm run build:e2e\` first (npm test does).`);
  }
  const at = process.argv.indexOf('--only');
  const only = at >= 0 && process.argv[at + 1] ? new RegExp(process.argv[at + 1]!, 'i') : undefined;
  const sandbox = await startSandbox({ port: 0 });
  const env = await startEnv(sandbox.port);
  try {
    return await runJourneys(
      [...installJourneys, ...popupJourneys, ...optionsJourneys, ...vacancyJourneys, ...searchJourneys, ...automationJourneys],
      env,
      only,
    );
  } finally {
    env.close();
    await sandbox.close();
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (e) => {
    console.error(e);
    console.log('firefox e2e: 0 passed, 1 failed');
    process.exit(1);
  },
);
