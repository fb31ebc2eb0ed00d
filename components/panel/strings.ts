/** The vacancy panel's words. `{x}` placeholders are filled by `tr`; `{site}` is the page's site (hh.kz on hh.kz). */
import type { CannotApplyReason } from '../../lib/hh/model';
import type { Text } from '../../lib/i18n';

export const S = {
  brand: { ru: 'Отклик', en: 'Otklik' },
  collapse: { ru: 'Свернуть панель Отклика', en: 'Collapse the Otklik panel' },
  expand: { ru: 'Развернуть панель Отклика', en: 'Expand the Otklik panel' },
  loading: { ru: 'Смотрим, какие резюме подходят…', en: 'Checking which resumes fit…' },
  retry: { ru: 'Повторить', en: 'Try again' },
  signIn: { ru: 'Войти', en: 'Sign in' },
  signedOut: {
    ru: 'Отклик не видит вашего входа на {site}. Войдите, чтобы откликаться в один клик.',
    en: 'Otklik cannot see your {site} sign-in. Sign in to apply in one click.',
  },
  noResumes: { ru: 'У вас пока нет резюме на {site}.', en: 'You have no resumes on {site} yet.' },
  noneCanApply: { ru: 'Ни одним резюме сейчас нельзя откликнуться.', en: 'None of your resumes can apply right now.' },
  alreadyApplied: { ru: 'Вы уже откликались на эту вакансию.', en: 'You have already applied to this vacancy.' },
  archived: {
    ru: 'Вакансия в архиве: работодатель больше не принимает отклики.',
    en: 'The vacancy is archived: the employer takes no more applications.',
  },
  testRequired: {
    ru: 'Работодатель просит ответить на вопросы. Откликнитесь через форму {site}.',
    en: 'The employer asks some questions. Apply through {site}’s own form.',
  },
  openHhForm: { ru: 'Открыть форму отклика на {site}', en: 'Open {site}’s apply form' },
  letter: { ru: 'Сопроводительное письмо', en: 'Cover letter' },
  letterRequired: { ru: 'обязательно', en: 'required' },
  letterOptional: { ru: 'необязательно', en: 'optional' },
  letterNeeded: { ru: 'Напишите письмо: без него работодатель отклик не примет.', en: 'Write a letter: the employer requires one.' },
  template: { ru: 'Шаблон…', en: 'Template…' },
  templateLabel: { ru: 'Вставить шаблон письма', en: 'Insert a letter template' },
  apply: { ru: 'Откликнуться', en: 'Apply' },
  sending: { ru: 'Отправляем…', en: 'Sending…' },
  nearCap: {
    ru: 'За сутки отправлено {n} из {cap} откликов: hh.ru может временно закрыть отклики.',
    en: '{n} of {cap} applications sent in 24 hours: hh.ru may pause your applications.',
  },
  viaSite: { ru: 'через ваш вход на {site}', en: 'via your {site} login' },
  viaApi: { ru: 'через API hh.ru', en: 'via the hh.ru API' },
  sent: { ru: 'Отклик отправлен.', en: 'Application sent.' },
  followUp: {
    ru: 'hh.ru просит дополнить отклик (например, готовность к переезду): откройте чат и ответьте там.',
    en: 'hh.ru asks you to complete the application (relocation, for one): open the chat and answer there.',
  },
  openChat: { ru: 'Открыть переписку на {site}', en: 'Open the conversation on {site}' },
  pending: {
    ru: 'Отклик уже отправляется (возможно, из другой вкладки). Обновите страницу через минуту.',
    en: 'The application is already being sent (maybe from another tab). Reload the page in a minute.',
  },
  uncertain: {
    ru: 'Возможно, отправлено: проверьте на {site}. Отклик не повторит это сам.',
    en: 'May have been sent: check on {site}. Otklik will not repeat it by itself.',
  },
  checkNegotiations: { ru: 'Мои отклики на {site}', en: 'My applications on {site}' },
  recheck: { ru: 'Проверить ещё раз', en: 'Check again' },
  solveCaptcha: { ru: 'Пройти проверку на {site}', en: 'Solve the check on {site}' },
  limitResets: { ru: 'Лимит обновится {at}.', en: 'The limit resets {at}.' },
  openEmployerSite: { ru: 'Открыть сайт работодателя', en: 'Open the employer’s site' },
  back: { ru: 'Изменить и отправить снова', en: 'Edit and send again' },
  guardHidden: {
    ru: 'Ничего не отправлено: страница скрывала панель Отклика. Нажмите, когда панель видна.',
    en: 'Nothing was sent: the page was hiding the Otklik panel. Press when the panel is visible.',
  },
  guardCovered: {
    ru: 'Ничего не отправлено: панель Отклика была перекрыта. Нажмите ещё раз, когда она видна целиком.',
    en: 'Nothing was sent: the Otklik panel was covered. Press again when it is fully visible.',
  },
  guardMoved: {
    ru: 'Ничего не отправлено: панель только что сдвинулась. Нажмите ещё раз.',
    en: 'Nothing was sent: the panel has just moved. Press again.',
  },
  broken: {
    ru: 'Панель Отклика сломалась на этой странице. Обновите страницу.',
    en: 'The Otklik panel broke on this page. Reload the page.',
  },
} satisfies Record<string, Text>;

export const REASON: Record<CannotApplyReason, Text> = {
  not_published: { ru: 'резюме не опубликовано', en: 'resume not published' },
  already_applied: { ru: 'уже откликались этим резюме', en: 'already applied with it' },
  blocked: { ru: 'резюме заблокировано модератором', en: 'blocked by a moderator' },
  incomplete: { ru: 'резюме заполнено не до конца', en: 'resume not complete' },
  unavailable: { ru: 'недоступно для этой вакансии', en: 'not available for this vacancy' },
};
