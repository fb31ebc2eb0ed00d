/** The inbox's words, Russian first. */
import type { PluralText } from '../../lib/i18n';
import type { InboxState } from '../../lib/messages';

export const I = {
  open: { ru: 'Отклики и ответы', en: 'Applications and answers' },
  hide: { ru: 'Скрыть отклики', en: 'Hide applications' },
  loading: { ru: 'Загружаем отклики…', en: 'Loading applications…' },
  empty: {
    ru: 'Отклик ещё не видел ваших откликов: он заглядывает на hh.ru сам, каждые несколько минут.',
    en: 'Otklik has not seen your applications yet: it looks on hh.ru by itself every few minutes.',
  },
  emptyFilter: { ru: 'Таких откликов нет.', en: 'No applications like that.' },
  filter: { ru: 'Показать', en: 'Show' },
  all: { ru: 'все', en: 'all' },
  unread: { ru: 'непрочитанное сообщение', en: 'unread message' },
  news: { ru: 'новое', en: 'new' },
  chat: { ru: 'Открыть переписку', en: 'Open the chat' },
  noVacancy: { ru: 'Вакансия без названия', en: 'An unnamed vacancy' },
  resume: { ru: 'Резюме: {title}', en: 'Resume: {title}' },
  polled: { ru: 'Проверено {time}', en: 'Checked {time}' },
  history: { ru: 'Мои отклики: история и воронка', en: 'My applications: history and funnel' },
  more: { ru: 'Все отклики на hh.ru ({n})', en: 'All applications on hh.ru ({n})' },
  unknownRaw: { ru: 'Неизвестный статус: {raw}', en: 'Unknown status: {raw}' },
  state: {
    sent: { ru: 'Отправлен', en: 'Sent' },
    viewed: { ru: 'Просмотрен', en: 'Viewed' },
    invitation: { ru: 'Приглашение', en: 'Invitation' },
    interview: { ru: 'Собеседование', en: 'Interview' },
    discard: { ru: 'Отказ', en: 'Rejection' },
    unknown: { ru: 'Неизвестный статус', en: 'Unknown status' },
  } satisfies Record<InboxState, { ru: string; en: string }>,
};

export const NEW_ANSWERS: PluralText = {
  ru: { one: 'новый ответ', few: 'новых ответа', many: 'новых ответов' },
  en: { one: 'new answer', other: 'new answers' },
};
