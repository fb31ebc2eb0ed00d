// @vitest-environment happy-dom
/**
 * The vacancy panel inside hh.ru's page, as a hostile page script and a failing background meet
 * it: its root is closed to the page, and a refusal that came back is told apart from an answer
 * that never came.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import { mountPanel } from '../../components/panel/mount';
import { Panel } from '../../components/panel/Panel';
import type { PanelApi } from '../../components/panel/api';
import { setLang } from '../../lib/i18n';
import type { VacancyPanel } from '../../lib/messages';
import { steadyGuard } from './guard-env';

const resume = (id: string, title: string) => ({ id, hash: `hash-${id}`, title, status: 'published' as const, canRaise: false, nextRaiseAt: null });

const PANEL: VacancyPanel = {
  vacancy: {
    id: '70000001',
    name: 'Frontend-разработчик (React, TypeScript)',
    employer: { name: 'Технологии Будущего' },
    keySkills: ['React'],
    archived: false,
    hasTest: false,
    testRequired: false,
    letterRequired: false,
    letterMaxLength: 2000,
  },
  options: [{ resume: resume('1001', 'Frontend-разработчик'), canApply: true, score: 90, explain: { ru: 'навыки', en: 'skills' } }],
  alreadyApplied: false,
  me: null,
  draft: null,
  templates: [],
  lastApply: null,
  appliedLast24h: 0,
  gateway: 'site',
  collapsed: false,
};

function fakeApi(): PanelApi & { apply: ReturnType<typeof vi.fn<PanelApi['apply']>> } {
  return {
    load: vi.fn(async () => PANEL),
    apply: vi.fn<PanelApi['apply']>(),
    saveDraft: vi.fn(),
    setCollapsed: vi.fn(),
    openOptions: vi.fn(),
    recheck: vi.fn(),
  };
}

function trustedClick(el: Element) {
  const ev = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(ev, 'isTrusted', { value: true });
  el.dispatchEvent(ev);
}

beforeEach(() => setLang('ru'));
afterEach(() => {
  document.body.innerHTML = '';
});

describe('in hh.ru’s DOM', () => {
  it('stands in a closed shadow root under a random name, with nothing for hh.ru’s scripts to find or script', async () => {
    const api = fakeApi();
    const remove = mountPanel({
      name: 'qwhkz-rtmvbp',
      vacancyId: '70000001',
      origin: 'https://hh.ru',
      api,
      place: (host) => {
        document.body.append(host);
        return () => undefined;
      },
    });
    await vi.waitFor(() => expect(api.load).toHaveBeenCalled());

    const host = document.body.lastElementChild as HTMLElement;
    expect(host.tagName.toLowerCase()).toBe('qwhkz-rtmvbp');
    expect(host.shadowRoot).toBeNull();
    expect(host.getAttributeNames()).toEqual([]);
    expect(document.querySelectorAll('button, textarea, input')).toHaveLength(0);
    remove();
    expect(document.body.contains(host)).toBe(false);
  });
});

describe('when the background cannot answer as hoped', () => {
  let root: HTMLElement;
  const text = () => root.textContent ?? '';
  const button = (label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);

  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });

  async function applyWith(rejection: unknown): Promise<void> {
    const api = fakeApi();
    api.apply.mockRejectedValueOnce(rejection);
    render(h(Panel, { api, origin: 'https://hh.ru', guard: steadyGuard().instance }), root);
    await vi.waitFor(() => expect(button('Откликнуться')).toBeDefined());
    const letter = root.querySelector('textarea')!;
    letter.value = 'Моё письмо';
    letter.dispatchEvent(new Event('input', { bubbles: true }));
    trustedClick(button('Откликнуться')!);
    await vi.waitFor(() => expect(api.apply).toHaveBeenCalledTimes(1));
  }

  it('a refusal that came back (storage full, nothing sent) is said as it is, and the letter waits to be sent again', async () => {
    await applyWith(
      Object.assign(new Error('refused'), {
        info: { kind: 'internal', value: 'ledger: QUOTA_BYTES quota exceeded', ru: 'Ничего не отправлено: хранилище переполнено.', en: 'Nothing was sent.' },
      }),
    );
    await vi.waitFor(() => expect(text()).toContain('Ничего не отправлено: хранилище переполнено.'));
    expect(text()).not.toContain('Возможно, отправлено');
    trustedClick(button('Изменить и отправить снова')!);
    await vi.waitFor(() => expect(root.querySelector('textarea')?.value).toBe('Моё письмо'));
  });

  it('an answer that never came (the worker stopped mid-send) is "may have been sent"', async () => {
    await applyWith(Object.assign(new Error('gone'), { info: { kind: 'internal', value: 'messaging: port closed', ru: 'x', en: 'x' } }));
    await vi.waitFor(() => expect(text()).toContain('Возможно, отправлено: проверьте на hh.ru.'));
    expect(button('Изменить и отправить снова')).toBeUndefined();
  });
});
