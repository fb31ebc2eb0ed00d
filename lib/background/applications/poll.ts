/**
 * The answers poll: an alarm (every 10 / 20 / 60 minutes, or off) reads the person's applications on
 * hh.ru and tells her what employers answered since the last look.
 *
 * What a poll costs. hh.ru lists topics newest change first, but shaken a little between requests
 * (hh-site.md "my applications" [M]: the order changes; how much is not known). So:
 * - a poll reads page 0; when nothing on it differs from what we hold, that is the whole poll:
 *   ONE request (over the API an unchanged page is even a 304 through the ETag cache);
 * - when something on page 0 changed, it reads the next page too, and so on, until a page where
 *   nothing changed (a burst of answers can push changed topics past page 0), up to PAGES_CAP;
 * - every SWEEP_EVERY_MS (and on the first poll) it reads every page, up to PAGES_CAP: a topic
 *   the shaking carried past a page boundary between two reads, or one whose change did not move it
 *   up (hh.ru may not bump `lastModified` for a new message: not known), is found there at the latest.
 * Skipped with no request at all: off in the settings, quiet hours, automatic work paused (a
 * captcha, a lost sign-in), nobody signed in (no snapshot).
 */
import { browser } from 'wxt/browser';
import type { Gateway } from '../../hh/gateway';
import type { Negotiation } from '../../hh/model';
import { stopsAutomation, toErrorInfo, type ErrorInfo } from '../../hh/errors';
import { tr } from '../../i18n';
import { applicationsItem, getSettings, snapshotItem, updateItem, type Settings } from '../../store';
import { currentPause, pauseAutomation } from '../automation';
import { withGateway } from '../gateways';
import { siteFor } from '../site-choice';
import { notify } from '../notify';
import { quietEnd } from '../resumes/schedule';
import { updateBadge } from '../resumes/badge';
import { differs, merge, newestChange, type Answer } from './diff';
import { tellAnswers } from './tell';

export const ANSWERS_ALARM = 'answers';
/** Pages one poll reads at most (site: 20 topics a page, API: 50). */
export const PAGES_CAP = 25;
/** guess: how often a full read is worth its requests; nobody measured how far a change can hide. */
export const SWEEP_EVERY_MS = 6 * 3_600_000;

export type PollOutcome =
  | { kind: 'skipped'; why: 'off' | 'quiet' | 'paused' | 'signed_out' | 'running' }
  | { kind: 'polled'; requests: number; swept: boolean; answers: Answer[] }
  | { kind: 'failed'; error: ErrorInfo };

export interface ListRead {
  listed: Negotiation[];
  requests: number;
  /** Every page was read. */
  complete: boolean;
}

/** Reads as few pages as tells what changed (see the file's comment); `sweep` reads them all. */
export async function readList(g: Gateway, differsFromHeld: (n: Negotiation) => boolean, sweep: boolean): Promise<ListRead> {
  const byId = new Map<string, Negotiation>();
  let requests = 0;
  for (let p = 0; p < PAGES_CAP; p++) {
    const page = await g.negotiationsPage(p);
    requests++;
    // The order shifts between requests: a topic may show on two pages; the later read is as fresh.
    for (const n of page.items) byId.set(n.id, n);
    if (page.items.length === 0 || p + 1 >= page.pages) return { listed: [...byId.values()], requests, complete: true };
    if (!sweep && !page.items.some(differsFromHeld)) break;
  }
  return { listed: [...byId.values()], requests, complete: false };
}

let running = false;

export async function pollAnswers(now = Date.now()): Promise<PollOutcome> {
  if (running) return { kind: 'skipped', why: 'running' };
  running = true;
  try {
    return await pollOnce(now);
  } finally {
    running = false;
  }
}

async function pollOnce(now: number): Promise<PollOutcome> {
  const settings = await getSettings();
  if (settings.answersPoll === 'off') return { kind: 'skipped', why: 'off' };
  if (quietEnd(now, settings.quietHours) !== null) return { kind: 'skipped', why: 'quiet' };
  if (await currentPause()) return { kind: 'skipped', why: 'paused' };
  if (!(await snapshotItem.getValue())) return { kind: 'skipped', why: 'signed_out' };

  const held = await applicationsItem.getValue();
  const learnOnly = held.polledAt === null;
  const sweep = learnOnly || held.sweptAt === null || now - held.sweptAt >= SWEEP_EVERY_MS;
  let read: ListRead;
  try {
    const seenUpTo = newestChange(held);
    ({ value: read } = await withGateway((g) => readList(g, (n) => differs(held.topics[n.id], n, seenUpTo), sweep)));
  } catch (e) {
    const error = toErrorInfo(e);
    if ((await pauseAutomation(error)) && stopsAutomation(error.kind)) {
      await notify('otklik-pause', tr(PAUSED_TITLE), `${tr({ ru: error.ru, en: error.en })} ${tr(PAUSED)}`);
    }
    return { kind: 'failed', error };
  }
  let answers: Answer[] = [];
  await updateItem(applicationsItem, (current) => {
    // Merged into what is stored now (the popup may have marked answers seen meanwhile).
    const merged = merge(current, read.listed, now, learnOnly && current.polledAt === null);
    answers = merged.answers;
    // A sweep cut short by PAGES_CAP still counts: the oldest pages are not worth 25 requests every poll.
    return { ...merged.state, polledAt: now, sweptAt: sweep ? now : current.sweptAt };
  });
  await tellAnswers(answers, await siteFor(), now);
  await updateBadge(await snapshotItem.getValue());
  return { kind: 'polled', requests: read.requests, swept: sweep, answers };
}

/** The alarm as the settings say: every 10 / 20 / 60 minutes, or none. Kept when it is already right. */
export async function scheduleAnswersPoll(settings?: Settings): Promise<void> {
  const { answersPoll } = settings ?? (await getSettings());
  const current = await browser.alarms.get(ANSWERS_ALARM);
  if (answersPoll === 'off') {
    if (current) await browser.alarms.clear(ANSWERS_ALARM);
    return;
  }
  const period = Number(answersPoll);
  if (current?.periodInMinutes === period) return;
  await browser.alarms.create(ANSWERS_ALARM, { delayInMinutes: Math.min(period, 1), periodInMinutes: period });
}

const PAUSED_TITLE = { ru: 'Отклик остановил автоматическую работу', en: 'Otklik stopped automatic work' };
const PAUSED = {
  ru: 'Ответы работодателей не проверяются: откройте Отклик, там ссылка и кнопка «Продолжить».',
  en: 'Employers’ answers are not checked: open Otklik for the link and the “Continue” button.',
};
