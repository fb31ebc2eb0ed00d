import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../lib/i18n';
import { HhError } from '../../lib/hh/errors';
import {
  accessText,
  countdownText,
  employerLinks,
  outcomeText,
  statusText,
  viewsNewText,
  viewsTotalText,
  whenText,
} from '../../components/popup/format';
import { safeUrl } from '../../components/ui/safeUrl';

const T = new Date(2026, 10, 25, 14, 2).getTime();
const MIN = 60_000;

afterEach(() => setLang(undefined));

describe('the words on a resume card', () => {
  it('counts views the Russian way and the English way', () => {
    setLang('ru');
    expect([0, 1, 2, 4, 5, 11, 21, 22, 30, 111].map(viewsTotalText)).toEqual([
      '0 просмотров',
      '1 просмотр',
      '2 просмотра',
      '4 просмотра',
      '5 просмотров',
      '11 просмотров',
      '21 просмотр',
      '22 просмотра',
      '30 просмотров',
      '111 просмотров',
    ]);
    expect([1, 3, 5].map(viewsNewText)).toEqual(['1 новый', '3 новых', '5 новых']);
    setLang('en');
    expect([1, 2].map(viewsTotalText)).toEqual(['1 view', '2 views']);
    expect(viewsNewText(3)).toBe('3 new');
  });

  it('names statuses and visibility in words', () => {
    setLang('ru');
    expect(statusText('blocked')).toBe('Заблокировано модератором');
    expect(statusText('on_moderation')).toBe('На модерации');
    expect(accessText('clients')).toBe('Видно компаниям — клиентам hh.ru');
    expect(accessText('something_new')).toBeNull();
    setLang('en');
    expect(accessText('no_one')).toBe('Visible to no one');
  });
});

describe('the raise timer', () => {
  it('counts down in hours and minutes', () => {
    setLang('ru');
    expect(countdownText(T + 2 * 60 * MIN + 14 * MIN + 59_000, T)).toBe('Можно поднять через 2 ч 14 мин');
    expect(countdownText(T + 45 * MIN, T)).toBe('Можно поднять через 45 мин');
    expect(countdownText(T + 30_000, T)).toBe('Можно поднять меньше чем через минуту');
    setLang('en');
    expect(countdownText(T + 3 * 60 * MIN, T)).toBe('Can be raised in 3 h');
  });

  it('tells what happened last, in local time', () => {
    setLang('ru');
    expect(outcomeText({ kind: 'raised', at: T, nextAt: T + 4 * 60 * MIN, auto: false }, T)).toBe('Поднято в 14:02');
    expect(outcomeText({ kind: 'raised', at: T, nextAt: null, auto: true }, T)).toBe('Поднято автоматически в 14:02');
    expect(outcomeText({ kind: 'too_early', at: T, nextAt: T + 4 * 60 * MIN, auto: false }, T)).toBe(
      'Рано: hh.ru разрешит поднять в 18:02',
    );
    expect(outcomeText({ kind: 'failed', at: T, error: new HhError('network').info, auto: false }, T)).toBe(
      'Не удалось поднять: Нет связи с hh.ru. Проверьте интернет и попробуйте снова.',
    );
    expect(whenText(new Date(2026, 10, 26, 8, 1).getTime(), T)).toMatch(/^26 нояб\.?,? 08:01$/);
  });
});

describe('links from hh.ru data', () => {
  it('never lets a script URL into a link', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,<b>')).toBeUndefined();
    expect(safeUrl('https://hh.ru/employer/1')).toBe('https://hh.ru/employer/1');
  });

  it('points employer links at the site, not at api.hh.ru', () => {
    expect(employerLinks({ id: '1455000', name: 'Технологии Будущего', vacanciesUrl: 'https://api.hh.ru/vacancies?employer_id=1455000' }, 'hh.ru')).toEqual({
      page: 'https://hh.ru/employer/1455000',
      vacancies: 'https://hh.ru/search/vacancy?employer_id=1455000',
    });
    expect(employerLinks({ name: 'Без id' }, 'hh.kz')).toEqual({ page: undefined, vacancies: undefined });
  });
});
