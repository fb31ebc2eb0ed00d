/**
 * Errors are values with a kind and a message a person can act on, in Russian and English.
 * `HhError` crosses context boundaries as `ErrorInfo` (plain data) inside message replies.
 */
import { z } from '../zod';
import { ERROR_KINDS, ERROR_POLICY } from './policy';
import { siteNameOf } from './sites';

export { siteNameOf };

export const ErrorKind = z.enum(ERROR_KINDS);
export type ErrorKind = z.infer<typeof ErrorKind>;

export const ErrorInfo = z.object({
  kind: ErrorKind,
  ru: z.string(),
  en: z.string(),
  status: z.nullish(z.number()),
  /** HH's own error value (e.g. `token_expired`, `negotiations-limit-exceeded`). */
  value: z.nullish(z.string()),
  /** Where the person solves a captcha or completes the step by hand. */
  url: z.nullish(z.string()),
  /** ms epoch when retrying makes sense (429, too early, limit reset). */
  retryAt: z.nullish(z.number()),
  /** A write that failed before any of it left the browser: not sent, whatever the kind says. */
  notSent: z.nullish(z.boolean()),
});
export type ErrorInfo = z.infer<typeof ErrorInfo>;

type Text = { ru: string; en: string };

/** Default human messages per kind; a specific error may carry a more precise one. */
export const ERROR_TEXT: Record<ErrorKind, Text> = {
  auth: {
    ru: 'Вход в hh.ru истёк или отозван. Нажмите «Войти», чтобы войти снова.',
    en: 'Your hh.ru sign-in expired or was revoked. Press “Sign in” to sign in again.',
  },
  no_app: {
    ru: 'Не указан client id приложения hh.ru. Откройте настройки Отклика и введите его (или войдите на hh.ru в этом браузере).',
    en: 'No hh.ru app client id is set. Open Otklik settings and enter it (or log in to hh.ru in this browser).',
  },
  no_session: {
    ru: 'Вы не вошли на hh.ru в этом браузере. Откройте hh.ru, войдите и вернитесь сюда.',
    en: 'You are not logged in to hh.ru in this browser. Open hh.ru, log in, and come back.',
  },
  app_refused: {
    ru: 'Официальный API hh.ru отказал этому приложению в методах соискателя. Используется ваш вход на hh.ru.',
    en: 'The official hh.ru API refused applicant methods to this app. Your hh.ru login is used instead.',
  },
  forbidden: {
    ru: 'hh.ru запретил это действие. Проверьте, что вы вошли как соискатель.',
    en: 'hh.ru refused this action. Check that you are logged in as a job seeker.',
  },
  captcha: {
    ru: 'hh.ru просит подтвердить, что вы не робот. Откройте ссылку, пройдите проверку — до этого Отклик ничего не делает сам.',
    en: 'hh.ru asks you to prove you are not a robot. Open the link and solve it; until then Otklik does nothing on its own.',
  },
  rate: {
    ru: 'Слишком много запросов к hh.ru. Подождите немного и попробуйте снова.',
    en: 'Too many requests to hh.ru. Wait a little and try again.',
  },
  limit: {
    ru: 'Достигнут дневной лимит откликов на hh.ru. Лимит обновится в течение суток.',
    en: 'The daily hh.ru application limit is reached. It resets within 24 hours.',
  },
  too_early: {
    ru: 'Поднять резюме пока нельзя: hh.ru разрешает это раз в несколько часов.',
    en: 'The resume cannot be raised yet: hh.ru allows it once every few hours.',
  },
  not_found: {
    ru: 'Не найдено на hh.ru: возможно, резюме или вакансия удалены.',
    en: 'Not found on hh.ru: the resume or vacancy may have been deleted.',
  },
  bad_argument: {
    ru: 'hh.ru не принял запрос. Обновите страницу и попробуйте снова.',
    en: 'hh.ru did not accept the request. Reload the page and try again.',
  },
  already_applied: {
    ru: 'Вы уже откликались на эту вакансию.',
    en: 'You have already applied to this vacancy.',
  },
  archived: {
    ru: 'Вакансия в архиве или скрыта: откликнуться нельзя.',
    en: 'The vacancy is archived or hidden: applications are closed.',
  },
  test_required: {
    ru: 'Работодатель просит пройти тест. Откликнитесь через форму hh.ru.',
    en: 'The employer asks for a test. Apply through hh.ru’s own form.',
  },
  letter_required: {
    ru: 'Для этой вакансии нужно сопроводительное письмо.',
    en: 'This vacancy requires a cover letter.',
  },
  letter_too_long: {
    ru: 'Письмо слишком длинное. Сократите его.',
    en: 'The letter is too long. Shorten it.',
  },
  xsrf: {
    ru: 'hh.ru отклонил запрос (защита сессии). Обновите страницу hh.ru и попробуйте снова.',
    en: 'hh.ru rejected the request (session protection). Reload the hh.ru page and try again.',
  },
  server: {
    ru: 'hh.ru сейчас отвечает с ошибкой. Попробуйте через несколько минут.',
    en: 'hh.ru is answering with an error right now. Try again in a few minutes.',
  },
  network: {
    ru: 'Нет связи с hh.ru. Проверьте интернет и попробуйте снова.',
    en: 'Cannot reach hh.ru. Check your connection and try again.',
  },
  invalid_response: {
    ru: 'hh.ru ответил так, как Отклик пока не умеет читать. Отклик ничего не отправил и не будет повторять сам: попробуйте позже или сделайте это прямо на hh.ru.',
    en: 'hh.ru answered in a way Otklik cannot read yet. Otklik sent nothing and will not retry by itself: try later or do it on hh.ru directly.',
  },
  uncertain: {
    ru: 'Возможно, отправлено: проверьте на hh.ru. Отклик не повторит это сам.',
    en: 'May have been sent: check on hh.ru. Otklik will not repeat it by itself.',
  },
  internal: {
    ru: 'Внутренняя ошибка Отклика. Перезагрузите страницу; если повторится, сообщите нам.',
    en: 'Otklik hit an internal error. Reload the page; if it happens again, tell us.',
  },
};

export class HhError extends Error {
  readonly info: ErrorInfo;
  constructor(kind: ErrorKind, extra: Partial<Omit<ErrorInfo, 'kind'>> = {}) {
    const text = ERROR_TEXT[kind];
    const info: ErrorInfo = { kind, ru: extra.ru ?? text.ru, en: extra.en ?? text.en, ...stripUndefined(extra) };
    super(`${kind}: ${info.en}`);
    this.name = 'HhError';
    this.info = info;
  }
  get kind(): ErrorKind {
    return this.info.kind;
  }
}

/**
 * Not logged in on the site a read or write went to: "log in on hh.kz", with that site's login page
 * (the origin's own, so spb.hh.ru keeps its region). Never "forbidden": a guest can act by logging in.
 */
export function noSessionError(origin: string, status?: number): HhError {
  const site = siteNameOf(origin);
  return new HhError('no_session', {
    status,
    url: `${origin}/account/login`,
    ru: `Вы не вошли на ${site} в этом браузере. Откройте ${site}, войдите как соискатель и вернитесь сюда.`,
    en: `You are not logged in to ${site} in this browser. Open ${site}, log in as a job seeker, and come back.`,
  });
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** What a failed fetch throws in Chrome, Firefox and Safari. Any other TypeError is a bug of ours, not the network. */
const FETCH_FAILED = /^(Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed)$/;

/** Any thrown value as ErrorInfo: HhError keeps its info; a failed fetch is `network`; anything else is `internal`. */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof HhError) return e.info;
  if (e instanceof TypeError && FETCH_FAILED.test(e.message)) return new HhError('network', { value: e.message }).info;
  return new HhError('internal', { value: e instanceof Error ? e.message : String(e) }).info;
}

/** Kinds after which automatic work (auto-raise, background refresh) must stop until the user acts. */
export function stopsAutomation(kind: ErrorKind): boolean {
  return ERROR_POLICY[kind].stopsAutomation;
}

/**
 * A write's failure before anything of it left the browser (offline, the preflight read failed,
 * the hh.ru tab never loaded): the write was not sent, and its message says so. Refusals already
 * mean "not sent" and pass unchanged.
 */
export function notSent(e: unknown): HhError {
  const info = toErrorInfo(e);
  if (ERROR_POLICY[info.kind].refused || info.notSent) return e instanceof HhError ? e : new HhError(info.kind, info);
  return new HhError(info.kind, {
    ...info,
    notSent: true,
    ru: `Ничего не отправлено. ${info.ru}`,
    en: `Nothing was sent. ${info.en}`,
  });
}
