/** The popup's words, Russian first. */
import type { PluralText } from '../../lib/i18n';

/**
 * A raise countdown's words, apart so the popup's first-frame script (./first-frame.ts) carries
 * these and not every word of the popup.
 */
export const TIMER = {
  raiseIn: { ru: 'Можно поднять через {d}', en: 'Can be raised in {d}' },
  raiseSoon: { ru: 'Можно поднять меньше чем через минуту', en: 'Can be raised in less than a minute' },
  raiseAtTime: { ru: 'в {time}', en: 'at {time}' },
  raiseChecking: { ru: 'Время подошло — уточняем у hh.ru…', en: 'Time’s up: checking with hh.ru…' },
};

export const S = {
  appName: { ru: 'Отклик', en: 'Otklik' },
  refresh: { ru: 'Обновить', en: 'Refresh' },
  refreshing: { ru: 'Обновляем…', en: 'Updating…' },
  settings: { ru: 'Настройки', en: 'Settings' },
  viaApi: { ru: 'через API hh.ru', en: 'via the hh.ru API' },
  viaSite: { ru: 'через ваш вход на {site}', en: 'via your {site} login' },
  retry: { ru: 'Повторить', en: 'Try again' },

  signedOutTitle: { ru: 'Войдите, чтобы видеть свои резюме', en: 'Sign in to see your resumes' },
  signInApi: { ru: 'Войти через {site}', en: 'Sign in with {site}' },
  signInSiteHint: {
    ru: 'Или просто войдите на {site} в этом браузере — Отклик использует этот вход.',
    en: 'Or just log in to {site} in this browser: Otklik uses that login.',
  },
  logInOnSite: { ru: 'Войти на {site}', en: 'Log in to {site}' },
  logInOnSiteHint: {
    ru: 'Откройте {site}, войдите в свой аккаунт соискателя и снова откройте Отклик.',
    en: 'Open {site}, log in to your job-seeker account, and open Otklik again.',
  },
  openSettings: { ru: 'Настройки входа', en: 'Sign-in settings' },

  loading: { ru: 'Загружаем ваши резюме…', en: 'Loading your resumes…' },
  noResumes: { ru: 'На {site} у вас пока нет резюме.', en: 'You have no resumes on {site} yet.' },
  createResume: { ru: 'Создать резюме на {site}', en: 'Create a resume on {site}' },

  pausedCaptchaAction: { ru: 'Пройти проверку на {site}', en: 'Solve it on {site}' },
  solvedIt: { ru: 'Я прошёл проверку', en: 'I solved it' },
  resumeAutomation: { ru: 'Продолжить', en: 'Continue' },

  status: {
    published: { ru: 'Опубликовано', en: 'Published' },
    not_published: { ru: 'Не опубликовано', en: 'Not published' },
    blocked: { ru: 'Заблокировано модератором', en: 'Blocked by a moderator' },
    on_moderation: { ru: 'На модерации', en: 'On moderation' },
    unknown: { ru: 'Статус неизвестен', en: 'Status unknown' },
  },
  moderatorSays: { ru: 'Модератор:', en: 'Moderator:' },
  access: {
    no_one: { ru: 'Не видно никому', en: 'Visible to no one' },
    whitelist: { ru: 'Видно только выбранным компаниям', en: 'Visible to selected companies only' },
    blacklist: { ru: 'Видно всем, кроме скрытых компаний', en: 'Visible to all but the companies you hid it from' },
    clients: { ru: 'Видно компаниям — клиентам hh.ru', en: 'Visible to companies that are hh.ru clients' },
    everyone: { ru: 'Видно всем в интернете', en: 'Visible to everyone on the internet' },
    direct: { ru: 'Доступно только по прямой ссылке', en: 'Only by direct link' },
  },
  completeness: { ru: 'Заполнено на {p}%', en: '{p}% complete' },
  missing: { ru: 'Не хватает: {fields}', en: 'Missing: {fields}' },

  raiseNow: { ru: 'Поднять сейчас', en: 'Raise now' },
  raising: { ru: 'Поднимаем…', en: 'Raising…' },
  canRaiseNow: { ru: 'Можно поднять в поиске', en: 'Can be raised in search now' },
  ...TIMER,
  raiseUnknown: { ru: 'hh.ru не сообщил, когда можно поднять', en: 'hh.ru did not say when it can be raised' },
  raiseOnlyPublished: {
    ru: 'Поднимать в поиске можно только опубликованное резюме.',
    en: 'Only a published resume can be raised in search.',
  },

  raised: { ru: 'Поднято в {time}', en: 'Raised at {time}' },
  raisedAuto: { ru: 'Поднято автоматически в {time}', en: 'Raised automatically at {time}' },
  tooEarlyAt: { ru: 'Рано: hh.ru разрешит поднять {time}', en: 'Too early: hh.ru allows it {time}' },
  tooEarly: { ru: 'Рано: hh.ru пока не разрешает поднять', en: 'Too early: hh.ru does not allow it yet' },
  refused: { ru: 'Не удалось поднять: {why}', en: 'Could not raise: {why}' },
  timeToday: { ru: 'в {time}', en: 'at {time}' },
  timeOther: { ru: '{time}', en: 'on {time}' },

  autoRaise: { ru: 'Поднимать автоматически', en: 'Raise automatically' },
  autoRaiseOn: {
    ru: 'Отклик поднимет резюме сам, как только hh.ru разрешит (пока браузер открыт).',
    en: 'Otklik raises it as soon as hh.ru allows (while the browser is open).',
  },
  autoRaiseOff: { ru: 'Выключено: поднимайте вручную.', en: 'Off: raise it by hand.' },
  autoRaisePaused: { ru: 'На паузе, пока вы не нажмёте «Продолжить» вверху.', en: 'Paused until you press “Continue” above.' },

  views: { ru: 'Кто смотрел', en: 'Who viewed' },
  viewsHide: { ru: 'Скрыть просмотры', en: 'Hide views' },
  viewsEmpty: { ru: 'Пока никто из работодателей не открывал это резюме.', en: 'No employer has opened this resume yet.' },
  viewsLoading: { ru: 'Загружаем просмотры…', en: 'Loading views…' },
  viewsMore: { ru: 'Показать ещё', en: 'Show more' },
  anonymous: { ru: 'Компания скрыла своё название', en: 'A company that keeps its name hidden' },
  employerPage: { ru: 'О компании', en: 'Company' },
  employerVacancies: { ru: 'Вакансии', en: 'Vacancies' },
  newView: { ru: 'новый', en: 'new' },
  viewsOf: { ru: 'Просмотры резюме «{title}»', en: 'Views of “{title}”' },
};

export const VIEWS: PluralText = {
  ru: { one: 'просмотр', few: 'просмотра', many: 'просмотров' },
  en: { one: 'view', other: 'views' },
};

export const NEW_VIEWS: PluralText = {
  ru: { one: 'новый', few: 'новых', many: 'новых' },
  en: { one: 'new', other: 'new' },
};
