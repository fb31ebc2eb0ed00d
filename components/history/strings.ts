/** The history page's words, Russian first. */
import type { PluralText } from '../../lib/i18n';

export const H = {
  title: { ru: 'Мои отклики', en: 'My applications' },
  intro: {
    ru: 'Все отклики, о которых знает Отклик: отправленные через него и те, что он видел на hh.ru. Всё хранится только в этом браузере.',
    en: 'Every application Otklik knows: those it sent and those it saw on hh.ru. Everything stays in this browser.',
  },
  loading: { ru: 'Загружаем отклики…', en: 'Loading applications…' },
  empty: {
    ru: 'Пока ни одного отклика: Отклик заглядывает на hh.ru сам, каждые несколько минут.',
    en: 'No applications yet: Otklik looks on hh.ru by itself every few minutes.',
  },
  funnel: { ru: 'Воронка', en: 'Funnel' },
  byResume: { ru: 'По резюме', en: 'By resume' },
  byWeek: { ru: 'По неделям', en: 'By week' },
  total: { ru: 'Всего', en: 'All' },
  weekOf: { ru: 'неделя с {date}', en: 'week of {date}' },
  unknownResume: { ru: 'Резюме неизвестно', en: 'Resume unknown' },
  sent: { ru: 'Отправлено', en: 'Sent' },
  viewed: { ru: 'Просмотрено', en: 'Viewed' },
  invited: { ru: 'Приглашения', en: 'Invited' },
  interview: { ru: 'Собеседования', en: 'Interviews' },
  rejected: { ru: 'Отказы', en: 'Rejected' },
  waiting: { ru: 'Без ответа дольше', en: 'No answer for longer than' },
  waitingDays: { ru: 'дней', en: 'days' },
  onlyWaiting: { ru: 'Показать только их', en: 'Show only those' },
  list: { ru: 'Отклики', en: 'Applications' },
  filter: { ru: 'Статус', en: 'Status' },
  all: { ru: 'все', en: 'all' },
  page: { ru: 'Страница {n} из {of}', en: 'Page {n} of {of}' },
  prev: { ru: 'Назад', en: 'Previous' },
  next: { ru: 'Дальше', en: 'Next' },
  exportCsv: { ru: 'Скачать CSV', en: 'Download CSV' },
  exportJson: { ru: 'Скачать JSON', en: 'Download JSON' },
  vacancy: { ru: 'Вакансия', en: 'Vacancy' },
  employer: { ru: 'Работодатель', en: 'Employer' },
  resume: { ru: 'Резюме', en: 'Resume' },
  state: { ru: 'Статус', en: 'Status' },
  applied: { ru: 'Отклик', en: 'Applied' },
  vacancyNo: { ru: 'Вакансия №{id}', en: 'Vacancy #{id}' },
  viaOtklik: { ru: 'через Отклик', en: 'via Otklik' },
  notOnHh: { ru: 'hh.ru его ещё не показал', en: 'not on hh.ru’s list yet' },
  unread: { ru: 'непрочитано', en: 'unread' },
  unknownRaw: { ru: 'Неизвестный статус: {raw}', en: 'Unknown status: {raw}' },
  retry: { ru: 'Повторить', en: 'Try again' },
};

export const DAYS_AGO: PluralText = {
  ru: { one: 'день назад', few: 'дня назад', many: 'дней назад' },
  en: { one: 'day ago', other: 'days ago' },
};

export const WAITING: PluralText = {
  ru: { one: 'отклик ждёт ответа', few: 'отклика ждут ответа', many: 'откликов ждут ответа' },
  en: { one: 'application waits for an answer', other: 'applications wait for an answer' },
};
