/**
 * Russian and English UI text. The browser's UI language decides; Russian is the default (most
 * users are on hh.ru). Each UI area keeps its strings beside it as `{ ru, en }` pairs; this module
 * picks, formats and pluralises.
 */
export type Lang = 'ru' | 'en';
export type Text = { ru: string; en: string };

let current: Lang | undefined;

export function detectLang(uiLanguage?: string): Lang {
  const tag = (uiLanguage ?? (typeof navigator !== 'undefined' ? navigator.language : '') ?? '').toLowerCase();
  return tag.startsWith('en') ? 'en' : 'ru';
}

export function lang(): Lang {
  return (current ??= detectLang());
}

/** Tests and settings may pin the language. */
export function setLang(l: Lang | undefined): void {
  current = l;
}

/** Pick the text for the current language and fill `{name}` placeholders. */
export function tr(text: Text, params: Record<string, string | number> = {}): string {
  return fill(text[lang()], params);
}

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Plural forms: ru needs one/few/many (1 просмотр, 2 просмотра, 5 просмотров); en one/other. */
export interface PluralText {
  ru: { one: string; few: string; many: string };
  en: { one: string; other: string };
}

const rules: Partial<Record<Lang, Intl.PluralRules>> = {};

export function plural(n: number, forms: PluralText, l: Lang = lang()): string {
  const rule = (rules[l] ??= new Intl.PluralRules(l)).select(n);
  const word =
    l === 'ru'
      ? rule === 'one'
        ? forms.ru.one
        : rule === 'few'
          ? forms.ru.few
          : forms.ru.many
      : rule === 'one'
        ? forms.en.one
        : forms.en.other;
  return `${formatter(numbers, l, () => new Intl.NumberFormat(l)).format(n)} ${word}`;
}

/** "2 ч 14 мин" / "2 h 14 min"; under a minute: "меньше минуты" / "less than a minute". */
export function formatDuration(ms: number, l: Lang = lang()): string {
  const totalMin = Math.max(0, Math.floor(ms / 60000));
  if (ms < 60000) return l === 'ru' ? 'меньше минуты' : 'less than a minute';
  const d = Math.floor(totalMin / 1440);
  const h = Math.floor((totalMin % 1440) / 60);
  const m = totalMin % 60;
  const u = l === 'ru' ? { d: 'дн', h: 'ч', m: 'мин' } : { d: 'd', h: 'h', m: 'min' };
  const parts = [d ? `${d} ${u.d}` : '', h ? `${h} ${u.h}` : '', m && !d ? `${m} ${u.m}` : ''].filter(Boolean);
  return parts.join(' ');
}

/**
 * Formatters, made once per language: each `toLocaleString` with options builds a new one, and on
 * a cold page (the popup's first frame, a dozen times) that costs milliseconds.
 */
const numbers: Partial<Record<Lang, Intl.NumberFormat>> = {};
const times: Partial<Record<Lang, Intl.DateTimeFormat>> = {};
const dateTimes: Partial<Record<Lang, Intl.DateTimeFormat>> = {};

function formatter<F>(cache: Partial<Record<Lang, F>>, l: Lang, make: () => F): F {
  return (cache[l] ??= make());
}

const locale = (l: Lang) => (l === 'ru' ? 'ru-RU' : 'en-GB');

/** Local time of day, "14:02", in the user's own time zone. */
export function formatTime(at: number, l: Lang = lang()): string {
  return formatter(times, l, () => new Intl.DateTimeFormat(locale(l), { hour: '2-digit', minute: '2-digit' })).format(at);
}

/** Local date and time, "25 нояб., 14:02". */
export function formatDateTime(at: number, l: Lang = lang()): string {
  return formatter(
    dateTimes,
    l,
    () => new Intl.DateTimeFormat(locale(l), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
  ).format(at);
}
