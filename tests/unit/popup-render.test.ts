// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HhError } from '../../lib/hh/errors';
import type { ViewsPage } from '../../lib/hh/model';
import { setLang } from '../../lib/i18n';
import type { MessageName } from '../../lib/messages';
import { pauseItem, snapshotItem, type Snapshot } from '../../lib/store';
import { ANNA, annasSnapshot, HOUR } from './fake-hh-resumes';
import { text, until } from './dom';

/** The background, as the popup sees it: each message answered by the test. */
const background = vi.fn<(name: MessageName, payload: unknown) => Promise<unknown>>();
vi.mock('../../lib/client', async (original) => ({
  ...(await original<typeof import('../../lib/client')>()),
  send: (name: MessageName, payload: unknown) => background(name, payload),
}));

const { mountPopup } = await import('../../components/popup/mount');
const { readFirstPaint } = await import('../../lib/first-paint');

const T0 = new Date(2026, 10, 25, 14, 0).getTime();
let root: HTMLElement;
let snapshot: Snapshot;

function held<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const byTest = (id: string, within: ParentNode = root) => within.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const allByTest = (id: string, within: ParentNode = root) => [...within.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
const card = (id: string) => root.querySelector<HTMLElement>(`[data-testid="resume-card"][data-resume-id="${id}"]`)!;
const click = (el: HTMLElement | null) => act(() => el!.click());

async function openPopup() {
  root = document.createElement('div');
  document.body.append(root);
  // As the popup page does: the one storage read, the first frame, then the live half, which
  // asks the background for a refresh first thing.
  await act(() => mountPopup(root, readFirstPaint()));
  await until(() => expect(background).toHaveBeenCalledWith('refresh', { force: false }));
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  setLang('ru');
  snapshot = await annasSnapshot(T0);
  background.mockReset();
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
  setLang(undefined);
});

describe('Анна opens the popup', () => {
  it('sees her resumes from the cache at once, while the background is still asking hh.ru', async () => {
    await snapshotItem.setValue(snapshot);
    background.mockImplementation(() => new Promise(() => undefined));

    await openPopup();

    await until(() => expect(allByTest('resume-card')).toHaveLength(4));
    expect(background).toHaveBeenCalledWith('refresh', { force: false });
    expect(text(byTest('user-name'))).toBe('Анна Смирнова');
    expect(text(byTest('gateway-label'))).toBe('через ваш вход на hh.ru');

    const ready = card('r-ready');
    expect(text(byTest('resume-status', ready))).toBe('Опубликовано');
    expect(text(byTest('resume-views-total', ready))).toBe('30 просмотров');
    expect(text(byTest('resume-views-new', ready))).toBe('3 новых');
    expect(text(ready)).toContain('Заполнено на 95%');
    expect(text(ready)).toContain('Видно всем в интернете');
    expect(text(ready)).toContain('Можно поднять в поиске');
    expect(byTest('raise-now', ready)).not.toBeNull();

    const cooling = card('r-cooling');
    expect(text(byTest('raise-countdown', cooling))).toContain('Можно поднять через 2 ч 14 мин');
    expect(byTest('raise-countdown', cooling)?.dataset.nextAt).toBe(String(T0 + 2 * HOUR + 14 * 60_000));
    expect(text(cooling)).toContain('Не хватает: Опыт работы: обязанности');
    expect(byTest('raise-now', cooling)).toBeNull();

    const blocked = card('r-blocked');
    expect(text(byTest('resume-status', blocked))).toBe('Заблокировано модератором');
    expect(text(blocked.querySelector('.card__notes strong'))).toBe('Модератор:');
    expect(text(blocked.querySelector('.card__notes li'))).toBe('В названии резюме указана не профессия');
    expect(byTest('resume-views-new', blocked)).toBeNull();
    expect(text(card('r-hidden'))).toContain('Поднимать в поиске можно только опубликованное резюме.');
  });

  it('then updates in place with what the background brings', async () => {
    await snapshotItem.setValue(snapshot);
    const reply = held<Snapshot>();
    background.mockImplementation((name) => (name === 'refresh' ? reply.promise : Promise.resolve(null)));
    await openPopup();
    await until(() => expect(text(byTest('resume-views-new', card('r-ready'))) ?? '').toBe('3 новых'));

    const fresh = { ...snapshot, resumes: snapshot.resumes.map((r) => (r.id === 'r-ready' ? { ...r, totalViews: 31, newViews: 4 } : r)) };
    await act(async () => reply.resolve(fresh));

    await until(() => expect(text(byTest('resume-views-new', card('r-ready'))) ?? '').toBe('4 новых'));
    expect(text(byTest('resume-views-total', card('r-ready')))).toBe('31 просмотр');
    expect(root.querySelector('main')?.getAttribute('aria-busy')).toBe('false');
  });

  it('with nothing cached yet, says it is loading rather than showing an empty page', async () => {
    background.mockImplementation(() => new Promise(() => undefined));
    await openPopup();
    await until(() => expect(text(root)).toContain('Загружаем ваши резюме…'));
  });

  it('offline: keeps the cached resumes and says what went wrong, with a way to retry', async () => {
    await snapshotItem.setValue(snapshot);
    background.mockRejectedValueOnce(new HhError('network'));
    await openPopup();

    await until(() => {
      expect(text(byTest('error-note'))).toContain('Нет связи с hh.ru');
      expect(allByTest('resume-card')).toHaveLength(4);
    });

    background.mockResolvedValueOnce(snapshot);
    await click(byTest('error-note')!.querySelector('button'));
    await until(() => expect(byTest('error-note')).toBeNull());
    expect(background).toHaveBeenLastCalledWith('refresh', { force: true });
  });
});

describe('raising from the popup', () => {
  beforeEach(async () => {
    await snapshotItem.setValue(snapshot);
  });

  it('Raise now locks while working, then says when it was raised', async () => {
    const raised = held<unknown>();
    background.mockImplementation((name) => (name === 'raise' ? raised.promise : new Promise(() => undefined)));
    await openPopup();
    await until(() => expect(byTest('raise-now', card('r-ready'))).not.toBeNull());

    await click(byTest('raise-now', card('r-ready')));

    expect(background).toHaveBeenCalledWith('raise', { resumeId: 'r-ready' });
    const button = byTest('raise-now', card('r-ready')) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(text(button)).toBe('Поднимаем…');
    await click(button);
    expect(background.mock.calls.filter(([n]) => n === 'raise')).toHaveLength(1);

    await act(async () => raised.resolve({ kind: 'raised', at: T0, nextAt: T0 + 4 * HOUR, auto: false }));

    const outcome = byTest('raise-outcome', card('r-ready'))!;
    await until(() => expect(text(outcome)).toBe('Поднято в 14:00'));
    expect(outcome.getAttribute('aria-live')).toBe('polite');
  });

  it('a too-early answer shows the server’s next time', async () => {
    background.mockImplementation((name) =>
      name === 'raise'
        ? Promise.resolve({ kind: 'too_early', at: T0, nextAt: T0 + 4 * HOUR + 2 * 60_000, auto: false })
        : new Promise(() => undefined),
    );
    await openPopup();
    await until(() => expect(byTest('raise-now', card('r-ready'))).not.toBeNull());

    await click(byTest('raise-now', card('r-ready')));

    await until(() => expect(text(byTest('raise-outcome', card('r-ready')))).toBe('Рано: hh.ru разрешит поднять в 18:02'));
  });

  it('a captcha refusal links to hh.ru’s own check', async () => {
    const error = new HhError('captcha', { url: 'https://hh.ru/account/captcha?state=abc' }).info;
    background.mockImplementation((name) =>
      name === 'raise' ? Promise.resolve({ kind: 'failed', at: T0, error, auto: false }) : new Promise(() => undefined),
    );
    await openPopup();
    await until(() => expect(byTest('raise-now', card('r-ready'))).not.toBeNull());

    await click(byTest('raise-now', card('r-ready')));

    const outcome = byTest('raise-outcome', card('r-ready'))!;
    await until(() => expect(text(outcome)).toContain('Не удалось поднять: hh.ru просит подтвердить, что вы не робот'));
    expect(outcome.querySelector('a')?.getAttribute('href')).toBe('https://hh.ru/account/captcha?state=abc');
  });

  it('the auto-raise switch asks the background and stays as she set it', async () => {
    background.mockImplementation((name) => (name === 'setAutoRaise' ? Promise.resolve(null) : new Promise(() => undefined)));
    await openPopup();
    await until(() => expect(byTest('auto-raise-toggle', card('r-cooling'))).not.toBeNull());
    const toggle = byTest('auto-raise-toggle', card('r-cooling')) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(toggle.getAttribute('role')).toBe('switch');

    await click(toggle);

    expect(background).toHaveBeenCalledWith('setAutoRaise', { resumeId: 'r-cooling', on: true });
    await until(() => expect((byTest('auto-raise-toggle', card('r-cooling')) as HTMLInputElement).checked).toBe(true));
    expect(text(card('r-cooling'))).toContain('Отклик поднимет резюме сам');
  });
});

describe('who viewed', () => {
  const page = (n: number, pages: number, items: ViewsPage['items']): ViewsPage => ({ page: n, pages, found: 21, items });

  it('lists employers as plain text, newest first, anonymous ones as such, and pages on', async () => {
    await snapshotItem.setValue(snapshot);
    const first = page(0, 2, [
      { at: T0 - 3 * HOUR, employer: { id: '1455037', name: 'ООО «Ромашка» <b>IT</b>', logoUrl: 'https://hh.ru/employer-logo/1455037.png' }, viewed: false },
      { at: T0 - 1 * HOUR, employer: null, viewed: true },
      { at: T0 - 2 * HOUR, employer: { name: '' }, viewed: true },
    ]);
    const second = page(1, 2, [{ at: T0 - 30 * HOUR, employer: { id: '1455074', name: 'СофтЛайн Системс' }, viewed: true }]);
    background.mockImplementation((name, payload) =>
      name === 'views' ? Promise.resolve((payload as { page: number }).page === 0 ? first : second) : new Promise(() => undefined),
    );
    await openPopup();
    await until(() => expect(byTest('views-open', card('r-ready'))).not.toBeNull());

    await click(byTest('views-open', card('r-ready')));

    expect(background).toHaveBeenCalledWith('views', { resumeId: 'r-ready', page: 0 });
    await until(() => expect(allByTest('view-item')).toHaveLength(3));
    const items = allByTest('view-item');
    expect(items.map((i) => i.dataset.anonymous ?? 'named')).toEqual(['true', 'true', 'named']);
    expect(text(items[0]!)).toContain('Компания скрыла своё название');
    expect(text(items[2]!)).toContain('ООО «Ромашка» <b>IT</b>');
    expect(items[2]!.querySelector('b')).toBeNull();
    expect(text(items[2]!)).toContain('новый');
    expect([...items[2]!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://hh.ru/employer/1455037',
      'https://hh.ru/search/vacancy?employer_id=1455037',
    ]);
    expect(items[2]!.querySelector('img')?.getAttribute('src')).toBe('https://hh.ru/employer-logo/1455037.png');
    expect(byTest('views-open', card('r-ready'))?.getAttribute('aria-expanded')).toBe('true');

    await click(root.querySelector<HTMLElement>('.views__more'));

    await until(() => expect(allByTest('view-item')).toHaveLength(4));
    expect(text(allByTest('view-item')[3]!)).toContain('СофтЛайн Системс');
    expect(root.querySelector('.views__more')).toBeNull();
  });

  it('an employer-less history says so', async () => {
    await snapshotItem.setValue(snapshot);
    background.mockImplementation((name) => (name === 'views' ? Promise.resolve(page(0, 0, [])) : new Promise(() => undefined)));
    await openPopup();
    await until(() => expect(byTest('views-open', card('r-hidden'))).not.toBeNull());
    await click(byTest('views-open', card('r-hidden')));
    await until(() => expect(text(card('r-hidden'))).toContain('Пока никто из работодателей не открывал это резюме.'));
  });
});

describe('when something stands in the way', () => {
  it('signed out with no app configured: one way in through hh.ru, and the settings', async () => {
    const openOptionsPage = vi.fn(async () => undefined);
    fakeBrowser.runtime.openOptionsPage = openOptionsPage;
    background.mockImplementation((name) =>
      name === 'refresh'
        ? Promise.reject(new HhError('no_session'))
        : Promise.resolve({ signedIn: false, me: null, gateway: null, problem: null, hasApp: false, apiSignedIn: false, paused: null }),
    );

    await openPopup();

    await until(() => expect(byTest('sign-in')).not.toBeNull());
    expect(allByTest('sign-in')).toHaveLength(1);
    expect(byTest('sign-in')?.getAttribute('href')).toBe('https://hh.ru/account/login');
    expect(text(root)).toContain('Вы не вошли на hh.ru в этом браузере');
    expect(byTest('user-name')).toBeNull();
    await click([...root.querySelectorAll('button')].find((b) => text(b) === 'Настройки входа')!);
    expect(openOptionsPage).toHaveBeenCalled();
  });

  it('signed out with an app: the sign-in button signs in and shows her resumes', async () => {
    let signedIn = false;
    background.mockImplementation(async (name) => {
      if (name === 'refresh') {
        if (!signedIn) throw new HhError('auth');
        return snapshot;
      }
      if (name === 'signIn') {
        signedIn = true;
        return { signedIn: true, me: ANNA, gateway: 'api', problem: null, hasApp: true, apiSignedIn: true, paused: null };
      }
      return { signedIn: false, me: null, gateway: null, problem: null, hasApp: true, apiSignedIn: false, paused: null };
    });
    await openPopup();
    await until(() => expect(byTest('sign-in')?.tagName).toBe('BUTTON'));

    await click(byTest('sign-in'));

    await until(() => expect(allByTest('resume-card')).toHaveLength(4));
    expect(background).toHaveBeenCalledWith('signIn', {});
    expect(byTest('sign-in')).toBeNull();
  });

  it('a captcha: a link to solve it and “I solved it”, which lets automatic work go on', async () => {
    await snapshotItem.setValue(snapshot);
    await pauseItem.setValue({ reason: new HhError('captcha', { url: 'https://hh.ru/account/captcha?state=q' }).info, at: T0 });
    background.mockImplementation(async (name) => {
      if (name === 'resume') {
        await pauseItem.setValue(null);
        return null;
      }
      return snapshot;
    });
    await openPopup();

    await until(() => expect(text(byTest('error-note'))).toContain('hh.ru просит подтвердить, что вы не робот'));
    expect(allByTest('error-note')).toHaveLength(1);
    const note = byTest('error-note')!;
    expect(note.querySelector('a')?.getAttribute('href')).toBe('https://hh.ru/account/captcha?state=q');

    await click([...note.querySelectorAll('button')].find((b) => text(b) === 'Я прошёл проверку')!);

    expect(background).toHaveBeenCalledWith('resume', {});
    await until(() => expect(byTest('error-note')).toBeNull());
  });
});
