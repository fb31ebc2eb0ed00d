// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { HhError } from '../../lib/hh/errors';
import { setLang } from '../../lib/i18n';
import type { Status } from '../../lib/messages';
import { Welcome } from '../../components/welcome/Welcome';
import type { WelcomeApi } from '../../components/welcome/api';

const ANNA = { id: '1', firstName: 'Анна', lastName: 'Смирнова' };
const base: Status = { signedIn: false, me: null, gateway: null, problem: null, hasApp: false, apiSignedIn: false, paused: null, site: 'hh.ru' };
const signedOut: Status = { ...base, problem: new HhError('no_session').info };
const applicant: Status = { ...base, signedIn: true, me: ANNA, gateway: 'site' };

let root: HTMLElement;
const status = () => root.querySelector<HTMLElement>('[data-testid="welcome-status"]')!;

function held<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

async function until(check: () => void, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (e) {
      if (Date.now() > end) throw e;
      await act(() => new Promise((r) => setTimeout(r, 5)));
    }
  }
}

function mount(api: WelcomeApi) {
  act(() => render(h(Welcome, { api }), root));
}

describe('the first-run page', () => {
  beforeEach(() => {
    setLang('ru');
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    setLang(undefined);
  });

  it('says "not logged in", then the applicant once the person comes back logged in', async () => {
    const answers = [{ ...signedOut, site: 'hh.kz' }, { ...applicant, site: 'hh.kz' }];
    const api: WelcomeApi = { status: vi.fn(async () => answers.shift()!), openOptions: vi.fn() };
    mount(api);
    await until(() => expect(status().dataset['state']).toBe('signed-out'));
    expect(status().textContent).toContain('Вы не вошли на hh.kz как соискатель');
    expect(root.querySelector('[data-testid="log-in"]')!.getAttribute('href')).toBe('https://hh.kz/account/login');
    expect(root.querySelector('[data-testid="try"]')!.getAttribute('href')).toBe('https://hh.kz/search/vacancy');

    act(() => void window.dispatchEvent(new Event('focus')));
    await until(() => expect(status().dataset['state']).toBe('applicant'));
    expect(status().textContent).toContain('Вы вошли на hh.kz как соискатель: Анна Смирнова');
    expect(api.status).toHaveBeenCalledTimes(2);
  });

  it('shows only the newest answer when checks overlap, and keeps the last one meanwhile', async () => {
    const first = held<Status>();
    const second = held<Status>();
    const calls = [first, second];
    mount({ status: () => calls.shift()!.promise, openOptions: () => undefined });
    act(() => void window.dispatchEvent(new Event('focus')));
    await act(async () => second.resolve(applicant));
    await until(() => expect(status().dataset['state']).toBe('applicant'));
    await act(async () => first.resolve(signedOut));
    expect(status().dataset['state']).toBe('applicant');
  });

  it('offline is "could not check", not "signed out"', async () => {
    const offline: Status = { ...base, problem: new HhError('network').info };
    mount({ status: async () => offline, openOptions: () => undefined });
    await until(() => expect(status().dataset['state']).toBe('unknown'));
    expect(status().textContent).toContain('Не удалось проверить вход');
  });

  it('speaks English to an English browser', async () => {
    setLang('en');
    mount({ status: async () => applicant, openOptions: () => undefined });
    await until(() => expect(status().dataset['state']).toBe('applicant'));
    expect(root.querySelector('h1')!.textContent).toBe('Otklik is installed');
    expect(status().textContent).toContain('You are logged in on hh.ru as a job seeker: Анна Смирнова');
  });
});
