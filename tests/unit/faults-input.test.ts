/**
 * Links and images in hh.ru's data as a hostile or broken record could write them: they open only
 * as web pages, and images load only from hh's own hosts, so a record cannot run script in an
 * extension page or make it call another host.
 */
import { describe, expect, it } from 'vitest';
import { hhImageUrl, safeUrl } from '../../components/ui/safeUrl';
import { webUrl } from '../../components/panel/api';

describe('links from hh.ru’s data', () => {
  it.each([
    ['javascript:alert(document.cookie)'],
    ['JaVaScRiPt:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['chrome-extension://mlmfmijdoifemilgnkcpapbabjlkldgo/options.html'],
    ['not a url'],
    ['http://hh.ru/employer/1455037'],
  ])('never put %s in a link', (url) => {
    expect(safeUrl(url)).toBeUndefined();
    expect(webUrl(url, 'https://hh.ru/applicant/negotiations')).toBe('https://hh.ru/applicant/negotiations');
  });

  it('keep web links as they are', () => {
    expect(safeUrl('https://hh.ru/employer/1455037')).toBe('https://hh.ru/employer/1455037');
    expect(webUrl('https://hh.ru/account/captcha?state=x', 'https://hh.ru/')).toBe('https://hh.ru/account/captcha?state=x');
  });
});

describe('images from hh.ru’s data', () => {
  it('load from hh’s sites and its image CDN', () => {
    for (const url of [
      'https://img.hhcdn.ru/employer-logo/1455.jpeg',
      'https://hhcdn.ru/employer-logo/1455-small.jpeg',
      'https://hh.ru/employer-logo/1455037.png',
      'https://spb.hh.ru/employer-logo/1.png',
      'https://hh.kz/employer-logo/1.png',
    ]) {
      expect(hhImageUrl(url), url).toBe(url);
    }
  });

  it('never from any other host, nor over plain http', () => {
    for (const url of [
      'https://tracker.example/pixel.gif?u=anna',
      'https://hhcdn.ru.evil.example/logo.png',
      'https://evilhh.ru/logo.png',
      'http://img.hhcdn.ru/employer-logo/1455.jpeg',
      'javascript:alert(1)',
      '',
      null,
    ]) {
      expect(hhImageUrl(url), String(url)).toBeUndefined();
    }
  });
});
