/** Writes the latest results into README's benchmark section (between its markers, at the end). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { BUDGETS } from './budgets';
import { describeMachine, type Machine } from './machine';
import { markdown, type Section } from './report';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

function section(sections: Section[], m: Machine, n: number, date: string, seconds: number): string {
  const about = sections.flatMap((s) => s.figure.rows.map((r) => `- **${r.name}**: ${r.about}.`));
  return [
    START,
    '## Benchmark',
    '',
    '`npm run bench` drives the built extension in headless Chromium against the sandbox and prints each',
    'figure next to its baseline, measured in the same browser build in alternating runs, so ratios hold on',
    'a busy machine. It reports and never fails: missed budgets are listed at the end of its output.',
    'Browser figures run the e2e build (the store build plus the test hook and open shadow roots, so the',
    'harness can see the panel and marks); sizes come from the store build and zips. Times are read inside',
    'the page (`performance.now()` in a MutationObserver, then the next frame), scripting and heap through CDP.',
    "Page overhead is budgeted on pages of hh.ru's real weight (the sandbox's `?weight=real`: a 700 KB vacancy",
    'page and a 900 KB search page whose ~500 KB state template their own script parses and hydrates); the light',
    'pages are a second, unbudgeted figure. The sandbox page runs less script than hh.ru (none of its bundles),',
    "so the ratios are upper bounds. CDP's ScriptDuration does not count code that runs on an awaited",
    '`runtime.sendMessage` reply (`tests/bench/variants.ts`: 110 ms of work there added 1-2 ms), so each page',
    'also reports our whole script time from traced loads ("scripting that is ours, traced": an upper bound,',
    'tracing slows code); search pages count until the first card\'s fit figure is drawn (`searchDone`), not only',
    'the marks. Every run also measures floors beside the budgets (`tests/bench/floor.ts`), the least any',
    'extension could cost there: the real-weight pages with an extension whose one content script places one',
    'element in a shadow root ("floor" rows), and an extension page one small classic script draws (a',
    'localStorage read, one element) beside the empty page. The panel\'s floor is the same page loaded without',
    'Otklik: its first frame after it became interactive (plus L through the API). Measured once on this machine',
    '(2026-11-30, 11-60 paired runs), not in every run: evaluating our whole vacancy bundle without running it',
    'costs the page 0.1 ms; the panel in an extension iframe 3.9 ms of the page\'s scripting for the frame alone',
    '(1.22×), and inserted before load it held the load event ~130 ms; a popup script as a module is 1.36× the',
    'empty page, 1.38-1.62× with a `storage.local` read first; a service worker serving pre-rendered popup HTML',
    '1.71× warm and 5.5× cold.',
    "The applications figures (answers poll, popup inbox, history) hold long lists the sandbox seeds",
    '(`/__sandbox/topics`: 300 and 2,000 applications) and poll through the answers alarm itself; a smoke run',
    'measures them with the full lists, once.',
    '',
    '- `npm run bench`: every figure, median of 15 runs (`--n 30` for more); under 10 minutes on 2 cores.',
    '- `npm run bench -- --smoke`: one run of each (about a minute), as CI runs it.',
    '- `--json FILE` writes the rows as JSON (`name, value, unit, baseline, ratio, budget, ok`, plus `budgetOn, min, max, n, note`);',
    '  `--only panel,size` picks figures; `--build` rebuilds the extension first; `--readme` rewrites this section.',
    '',
    `The budgets are the project's promises and live in \`tests/bench/budgets.ts\` (${Object.keys(BUDGETS).length} of them).`,
    '',
    `Latest run (${date}, N=${n}, ${Math.round(seconds)} s): ${describeMachine(m)}.`,
    '',
    markdown(sections),
    '',
    'What each figure means:',
    ...about,
    END,
  ].join('\n');
}

export function writeReadme(sections: Section[], m: Machine, n: number, seconds: number): void {
  const text = section(sections, m, n, new Date().toISOString().slice(0, 10), seconds);
  const old = existsSync('README.md') ? readFileSync('README.md', 'utf8') : '';
  const at = old.indexOf(START);
  const end = old.indexOf(END);
  const next =
    at >= 0 && end > at ? old.slice(0, at) + text + old.slice(end + END.length) : `${old.trimEnd()}${old ? '\n\n' : ''}${text}\n`;
  writeFileSync('README.md', next);
}
