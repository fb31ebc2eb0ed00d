/** Search-card marks: what became of the user's application to that vacancy. */
import type { NegotiationState } from '../../lib/hh/model';
import type { PluralText, Text } from '../../lib/i18n';

export const MARK: Partial<Record<NegotiationState, Text>> = {
  response: { ru: 'Вы откликнулись', en: 'You applied' },
  invitation: { ru: 'Приглашение', en: 'Invitation' },
  interview: { ru: 'Приглашение', en: 'Invitation' },
  discard: { ru: 'Отказ', en: 'Rejected' },
};

/** Search triage: the fit figure, hiding, the counter. */
export const T = {
  fitLabel: { ru: 'Подходит на {score} из 100: {reason}', en: 'Fits {score} of 100: {reason}' },
  /** The resume the figure speaks for, before the reasons. */
  fitReason: { ru: '{resume}: {reason}', en: '{resume}: {reason}' },
  hideEmployer: { ru: 'Скрыть работодателя «{name}»', en: 'Hide employer “{name}”' },
  hiddenBecause: { ru: 'Скрыто: {title} — {why}.', en: 'Hidden: {title} — {why}.' },
  show: { ru: 'Показать', en: 'Show' },
  hiddenCount: { ru: 'Отклик скрыл на этой странице {n}', en: 'Otklik hid {n} on this page' },
  noResumes: {
    ru: 'Чтобы видеть, насколько вакансии вам подходят, откройте Отклик (значок на панели браузера): он узнает ваши резюме.',
    en: 'To see how well vacancies fit you, open Otklik (its icon on the browser toolbar): it will learn your resumes.',
  },
  vacancies: {
    ru: { one: 'вакансию', few: 'вакансии', many: 'вакансий' },
    en: { one: 'vacancy', other: 'vacancies' },
  },
} satisfies Record<string, Text | PluralText>;
