import { describe, expect, it } from 'vitest';
import { detectLang, fill, formatDuration, plural, type PluralText } from '../../lib/i18n';

const views: PluralText = {
  ru: { one: 'просмотр', few: 'просмотра', many: 'просмотров' },
  en: { one: 'view', other: 'views' },
};

describe('Russian and English text', () => {
  it('picks Russian unless the browser speaks English', () => {
    expect(detectLang('en-US')).toBe('en');
    expect(detectLang('ru')).toBe('ru');
    expect(detectLang('kk-KZ')).toBe('ru');
    expect(detectLang('')).toBe('ru');
  });

  it('pluralises views the Russian way', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 111].map((n) => plural(n, views, 'ru'))).toEqual([
      '1 просмотр',
      '2 просмотра',
      '5 просмотров',
      '11 просмотров',
      '21 просмотр',
      '22 просмотра',
      '25 просмотров',
      '111 просмотров',
    ]);
    expect(plural(1, views, 'en')).toBe('1 view');
    expect(plural(0, views, 'en')).toBe('0 views');
  });

  it('formats the raise countdown', () => {
    const h = 3600_000;
    expect(formatDuration(2 * h + 14 * 60_000 + 59_000, 'ru')).toBe('2 ч 14 мин');
    expect(formatDuration(2 * h, 'en')).toBe('2 h');
    expect(formatDuration(30_000, 'ru')).toBe('меньше минуты');
    expect(formatDuration(26 * h + 5 * 60_000, 'ru')).toBe('1 дн 2 ч');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{vacancy} в {company}, {x}', { vacancy: 'Frontend', company: 'ООО «Ромашка»' })).toBe(
      'Frontend в ООО «Ромашка», {x}',
    );
  });
});
