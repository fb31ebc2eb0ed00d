/**
 * Which vacancy a content script may ask about, and the page hint it may pass on. Anything in the
 * page (its state, the DOM, the message the content script builds from them) can be forged by the
 * page's own scripts; the URL the browser reports for the sender cannot.
 */
import { browser } from 'wxt/browser';
import { HhError } from '../../hh/errors';
import type { PageHint } from '../../hh/gateway';
import { isSiteUrl, siteNameOf, vacancyIdFromPath } from '../../hh/sites';

export interface PageSender {
  /** One of our extension pages (popup, options), not a content script. */
  internal?: boolean;
  url?: string;
  tabId?: number;
}

function vacancyPage(url: string | undefined, vacancyId: string): URL | null {
  if (!url || !isSiteUrl(url)) return null;
  const page = new URL(url);
  return vacancyIdFromPath(page.pathname) === vacancyId ? page : null;
}

/** How long a page's in-page navigation may take to reach the browser's tab. guess: measured well under 100 ms here. */
const TAB_URL_WAIT_MS = 1_000;

/**
 * The sender's page when it shows `vacancyId`. Chrome reports a content script's frame URL as it
 * was loaded, not after hh.ru's in-page navigation (pushState); the tab's URL follows it, a moment
 * after the page's script ran: a panel that asks at once may be ahead of it, so the tab is given
 * that moment.
 */
async function senderPage(sender: PageSender, vacancyId: string): Promise<URL | null> {
  const page = vacancyPage(sender.url, vacancyId);
  if (page || sender.tabId === undefined) return page;
  const tabId = sender.tabId;
  const tabPage = async () => vacancyPage((await browser.tabs.get(tabId).catch(() => undefined))?.url, vacancyId);
  return (
    (await tabPage()) ??
    new Promise<URL | null>((resolve) => {
      const done = (found: URL | null) => {
        clearTimeout(timer);
        browser.tabs.onUpdated.removeListener(onUpdated);
        resolve(found);
      };
      const onUpdated = (id: number, change: { url?: string }) => {
        const found = id === tabId ? vacancyPage(change.url, vacancyId) : null;
        if (found) done(found);
      };
      const timer = setTimeout(() => void tabPage().then(done), TAB_URL_WAIT_MS);
      browser.tabs.onUpdated.addListener(onUpdated);
      // It may have come between the first look and the listener.
      void tabPage().then((found) => found && done(found));
    })
  );
}

/**
 * The hint to hand the gateway for `vacancyId`, or a `forbidden` error when a content script asks
 * about a vacancy its page is not showing. The hint's origin is always the sender page's own.
 */
export async function pageHintFor(
  vacancyId: string,
  hint: PageHint | null | undefined,
  sender: PageSender,
): Promise<PageHint | undefined> {
  if (sender.internal) return hint && isSiteUrl(hint.origin) ? hint : undefined;
  const page = await senderPage(sender, vacancyId);
  if (!page) {
    throw new HhError('forbidden', {
      value: 'vacancy-not-on-page',
      ru: `Эта страница ${siteNameOf(sender.url ?? '')} показывает другую вакансию. Обновите страницу.`,
      en: `This ${siteNameOf(sender.url ?? '')} page shows another vacancy. Reload the page.`,
    });
  }
  return { origin: page.origin, state: hint?.state ?? null, build: hint?.build ?? null };
}

/**
 * Where a vacancy operation runs: the sender's tab for writes, and the page's own site for reads
 * (a person on hh.kz reads and applies on hh.kz, whatever the settings name).
 */
export function operationScope(sender: PageSender, hint: PageHint | undefined): { tabId?: number; pageUrl?: string } {
  return { tabId: sender.tabId, pageUrl: hint?.origin };
}

const NOT_A_VACANCY_PAGE = {
  ru: 'Панель Отклика работает только на странице вакансии hh.ru. Обновите страницу.',
  en: 'The Otklik panel works only on an hh.ru vacancy page. Reload the page.',
};

/** A content script may change the panel's settings only from a vacancy page, where the panel lives. */
export async function requireVacancyPage(sender: PageSender): Promise<void> {
  if (sender.internal) return;
  const onVacancy = (url: string | undefined) => !!url && isSiteUrl(url) && vacancyIdFromPath(new URL(url).pathname) !== null;
  if (onVacancy(sender.url)) return;
  if (sender.tabId !== undefined) {
    const tab = await browser.tabs.get(sender.tabId).catch(() => undefined);
    if (onVacancy(tab?.url)) return;
  }
  throw new HhError('forbidden', { value: 'not-a-vacancy-page', ...NOT_A_VACANCY_PAGE });
}
