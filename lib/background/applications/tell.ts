/**
 * Telling the person about employers' answers: one system notification naming the vacancy and the
 * employer, or one for several at once; a click opens that chat (or the list) on hh.ru. Where a
 * click leads is stored, because the worker that showed the notification may be gone by then.
 */
import { browser } from 'wxt/browser';
import { isSiteUrl, siteOrigin } from '../../hh/sites';
import { plural, tr, type PluralText, type Text } from '../../i18n';
import { noticesItem, updateItem, type AnswerKind, type ShownNotice } from '../../store';
import { notify } from '../notify';
import type { Answer } from './diff';

/** Notifications remembered for their clicks; older ones lead nowhere (the browser has dropped them too). */
const NOTICES_KEPT = 30;
/** Lines a grouped notification lists before "and N more". */
const GROUP_LINES = 4;

export const ANSWER_TEXT: Record<AnswerKind, Text> = {
  invitation: { ru: 'Приглашение', en: 'Invitation' },
  interview: { ru: 'Приглашение на собеседование', en: 'Interview' },
  discard: { ru: 'Отказ', en: 'Rejection' },
  message: { ru: 'Новое сообщение от работодателя', en: 'New message from the employer' },
  unknown: { ru: 'Новый ответ на отклик', en: 'New answer to your application' },
};

const ANSWERS: PluralText = {
  ru: { one: 'новый ответ работодателя', few: 'новых ответа работодателей', many: 'новых ответов работодателей' },
  en: { one: 'new answer from an employer', other: 'new answers from employers' },
};

const T = {
  vacancy: { ru: '«{vacancy}», {employer}', en: '“{vacancy}”, {employer}' },
  noVacancy: { ru: 'вакансия без названия', en: 'an unnamed vacancy' },
  noEmployer: { ru: 'работодатель не указан', en: 'employer not named' },
  rawState: { ru: 'Статус на hh.ru: {raw}', en: 'Status on hh.ru: {raw}' },
  more: { ru: '…и ещё {n}', en: '…and {n} more' },
};

export function describe(a: Answer): string {
  return tr(T.vacancy, { vacancy: a.vacancyName || tr(T.noVacancy), employer: a.employerName || tr(T.noEmployer) });
}

/** Title and text of the one notification for these answers. */
export function noticeText(answers: Answer[]): { title: string; message: string } {
  if (answers.length === 1) {
    const a = answers[0]!;
    const raw = a.kind === 'unknown' && a.rawState ? `\n${tr(T.rawState, { raw: a.rawState })}` : '';
    return { title: tr(ANSWER_TEXT[a.kind]), message: describe(a) + raw };
  }
  const lines = answers.slice(0, GROUP_LINES).map((a) => `${tr(ANSWER_TEXT[a.kind])}: ${describe(a)}`);
  if (answers.length > GROUP_LINES) lines.push(tr(T.more, { n: answers.length - GROUP_LINES }));
  return { title: plural(answers.length, ANSWERS), message: lines.join('\n') };
}

/** Shows one notification for these answers and remembers where its click leads. */
export async function tellAnswers(answers: Answer[], site: string, now = Date.now()): Promise<void> {
  if (answers.length === 0) return;
  const list = `${siteOrigin(site)}/applicant/negotiations`;
  const one = answers.length === 1 ? answers[0]! : null;
  const url = one?.chatUrl && isSiteUrl(one.chatUrl) ? one.chatUrl : list;
  const id = one ? `otklik-answer-${one.topicId}` : `otklik-answers-${now}`;
  const { title, message } = noticeText(answers);
  let dropped: string[] = [];
  await updateItem(noticesItem, (all) => {
    const sorted = Object.entries({ ...all, [id]: { url, title, message, at: now } }).sort(([, a], [, b]) => b.at - a.at);
    dropped = sorted.slice(NOTICES_KEPT).map(([old]) => old);
    return Object.fromEntries(sorted.slice(0, NOTICES_KEPT));
  });
  await notify(id, title, message);
  // A notification whose click no longer leads anywhere goes from the browser's list too (Chrome
  // keeps them in its notification centre until cleared): nothing of ours piles up there.
  await Promise.all(dropped.map((old) => browser.notifications.clear(old).catch(() => false)));
}

/** A click on one of our answer notifications: its chat in a new tab. Others' clicks are not ours. */
export async function openNotice(id: string): Promise<ShownNotice | null> {
  const notice = (await noticesItem.getValue())[id];
  if (!notice || !isSiteUrl(notice.url)) return null;
  await browser.tabs.create({ url: notice.url });
  await browser.notifications.clear(id).catch(() => false);
  return notice;
}
