// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import { steadyGuard } from './guard-env';
import { Panel } from '../../components/panel/Panel';
import type { PanelApi } from '../../components/panel/api';
import { setLang } from '../../lib/i18n';
import type { VacancyPanel } from '../../lib/messages';
import { DEFAULT_TRIAGE, type LedgerEntry } from '../../lib/store';

const EMPLOYER = { id: '1455000', name: 'Технологии Будущего' };

function panelData(over: Partial<VacancyPanel> = {}): VacancyPanel {
  return {
    vacancy: {
      id: '70000001',
      name: 'Frontend-разработчик',
      employer: EMPLOYER,
      keySkills: ['React'],
      archived: false,
      hasTest: false,
      testRequired: false,
      letterRequired: false,
    },
    options: [
      {
        resume: { id: '1001', title: 'Frontend-разработчик', status: 'published', canRaise: false, nextRaiseAt: null },
        canApply: true,
        score: 90,
        explain: { ru: 'подходит', en: 'fits' },
      },
    ],
    alreadyApplied: false,
    me: null,
    draft: null,
    templates: [],
    lastApply: null,
    appliedLast24h: 0,
    gateway: 'site',
    collapsed: false,
    employerLists: { hidden: false, neverApply: true },
    ...over,
  };
}

const done = (over: Partial<LedgerEntry> = {}): LedgerEntry => ({ id: 'e', action: 'apply', target: '70000001', state: 'done', at: 1, updatedAt: 1, ...over });

function fakeApi(data: VacancyPanel) {
  return {
    load: vi.fn(() => Promise.resolve(data)),
    apply: vi.fn<PanelApi['apply']>(async () => done()),
    saveDraft: vi.fn<PanelApi['saveDraft']>(),
    setCollapsed: vi.fn<PanelApi['setCollapsed']>(),
    openOptions: vi.fn<PanelApi['openOptions']>(),
    recheck: vi.fn<PanelApi['recheck']>(async () => done()),
    listEmployer: vi.fn<NonNullable<PanelApi['listEmployer']>>(async (list, employer, on) => ({
      ...DEFAULT_TRIAGE,
      [list]: on ? [employer] : [],
    })),
  } satisfies PanelApi;
}

let root: HTMLElement;
const text = () => root.textContent ?? '';
const applyButton = () => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Откликнуться');
const checkbox = (label: string) =>
  [...root.querySelectorAll('label')].find((l) => l.textContent?.includes(label))?.querySelector('input') as HTMLInputElement;

/** What the person's own click on a checkbox or button produces (trusted; a page script's is not). */
function userEvent(el: Element, type: 'click' | 'change', trusted = true) {
  const ev = type === 'click' ? new MouseEvent('click', { bubbles: true, cancelable: true }) : new Event('change', { bubbles: true });
  if (trusted) Object.defineProperty(ev, 'isTrusted', { value: true });
  el.dispatchEvent(ev);
}

async function open(api: PanelApi) {
  render(h(Panel, { api, origin: 'https://hh.ru', guard: steadyGuard().instance }), root);
  await vi.waitFor(() => expect(text()).not.toContain('Смотрим'));
}

beforeEach(() => {
  setLang('ru');
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the never-apply guard in the panel', () => {
  it('says the employer is on the list and offers no apply until “apply anyway” is ticked by the person', async () => {
    const api = fakeApi(panelData());
    await open(api);
    expect(text()).toContain('«Технологии Будущего» в вашем списке «не откликаться»');
    expect(applyButton()).toBeUndefined();

    const anyway = checkbox('Откликнуться всё равно');
    anyway.checked = true;
    userEvent(anyway, 'change', false);
    await Promise.resolve();
    expect(applyButton(), 'a page script cannot tick it').toBeUndefined();

    userEvent(anyway, 'change');
    await vi.waitFor(() => expect(applyButton()).toBeDefined());
    userEvent(applyButton()!, 'click');
    await vi.waitFor(() => expect(api.apply).toHaveBeenCalledWith({ resumeId: '1001', letter: '', override: true }));
  });

  it('an employer not on the list: the form as always, and applies carry no override', async () => {
    const api = fakeApi(panelData({ employerLists: { hidden: false, neverApply: false } }));
    await open(api);
    expect(text()).not.toContain('не откликаться»');
    userEvent(applyButton()!, 'click');
    await vi.waitFor(() => expect(api.apply).toHaveBeenCalledWith({ resumeId: '1001', letter: '' }));
  });

  it('an application made before the employer was listed still shows its outcome', async () => {
    await open(fakeApi(panelData({ lastApply: done() })));
    expect(text()).toContain('Отклик отправлен');
  });

  it('the person can hide the employer in search or put it on the never-apply list from the panel', async () => {
    const api = fakeApi(panelData({ employerLists: { hidden: false, neverApply: false } }));
    await open(api);
    const never = checkbox('Не откликаться в «Технологии Будущего»');
    never.checked = true;
    userEvent(never, 'change');
    await vi.waitFor(() => expect(text()).toContain('в вашем списке «не откликаться»'));
    expect(api.listEmployer).toHaveBeenCalledWith('neverApply', EMPLOYER, true);
    expect(applyButton()).toBeUndefined();

    const hide = checkbox('Скрывать вакансии «Технологии Будущего» в поиске');
    hide.checked = true;
    userEvent(hide, 'change');
    await vi.waitFor(() => expect(api.listEmployer).toHaveBeenCalledWith('hiddenEmployers', EMPLOYER, true));
  });
});
