// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import { Panel } from '../../components/panel/Panel';
import type { PanelApi } from '../../components/panel/api';
import { setLang } from '../../lib/i18n';
import type { ErrorInfo } from '../../lib/hh/errors';
import type { VacancyPanel } from '../../lib/messages';
import type { LedgerEntry } from '../../lib/store';
import { fakeGuardWorld, steadyGuard } from './guard-env';

const ORIGIN = 'https://hh.ru';

function panelData(over: Partial<VacancyPanel> = {}, vacancy: Partial<VacancyPanel['vacancy']> = {}): VacancyPanel {
  const resume = (id: string, title: string) => ({ id, hash: `hash-${id}`, title, status: 'published' as const, canRaise: false, nextRaiseAt: null });
  return {
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
      ...vacancy,
    },
    options: [
      { resume: resume('1001', 'Frontend-разработчик (React, TypeScript)'), canApply: true, score: 94, explain: { ru: '8 из 9 навыков, зарплата в вилке', en: '8 of 9 skills, salary in range' } },
      { resume: resume('1002', 'Fullstack-разработчик Node.js'), canApply: true, score: 61, explain: { ru: '3 из 9 навыков', en: '3 of 9 skills' } },
      { resume: { ...resume('1003', 'Тимлид frontend'), status: 'not_published' }, canApply: false, reason: 'not_published', score: 70, explain: { ru: 'x', en: 'x' } },
      { resume: { ...resume('1004', 'Разработчик 1С'), status: 'blocked' }, canApply: false, reason: 'blocked', score: 5, explain: { ru: 'x', en: 'x' } },
    ],
    alreadyApplied: false,
    me: { id: '73514208', firstName: 'Анна', lastName: 'Смирнова' },
    draft: null,
    templates: [{ id: 'default', name: 'Коротко', text: 'Здравствуйте! Вакансия «{vacancy}» в {company}.\n{name}' }],
    lastApply: null,
    appliedLast24h: 3,
    gateway: 'site',
    collapsed: false,
    ...over,
  };
}

function entry(over: Partial<LedgerEntry>): LedgerEntry {
  return { id: 'e1', action: 'apply', target: '70000001', state: 'done', at: 1, updatedAt: 1, ...over };
}

function fakeApi(data: VacancyPanel | Promise<VacancyPanel>) {
  return {
    load: vi.fn(() => Promise.resolve(data)),
    apply: vi.fn<PanelApi['apply']>(async () => entry({ state: 'done', chatUrl: 'https://hh.ru/chat/5100000009' })),
    saveDraft: vi.fn<PanelApi['saveDraft']>(),
    setCollapsed: vi.fn<PanelApi['setCollapsed']>(),
    openOptions: vi.fn<PanelApi['openOptions']>(),
    recheck: vi.fn<PanelApi['recheck']>(async () => entry({ state: 'done', chatUrl: 'https://hh.ru/chat/5100000009' })),
  } satisfies PanelApi;
}

let root: HTMLElement;
const text = () => root.textContent ?? '';
const button = (label: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === label) as HTMLButtonElement | undefined;
const radios = () => [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')];
const letter = () => root.querySelector('textarea') as HTMLTextAreaElement;

/** A click as the person makes it (the browser marks it trusted; a page script's is not). */
function userClick(el: Element, trusted = true) {
  const ev = new MouseEvent('click', { bubbles: true, cancelable: true });
  if (trusted) Object.defineProperty(ev, 'isTrusted', { value: true });
  el.dispatchEvent(ev);
}
function type(value: string) {
  letter().value = value;
  letter().dispatchEvent(new Event('input', { bubbles: true }));
}

async function open(api: PanelApi, guard = steadyGuard().instance) {
  render(h(Panel, { api, origin: ORIGIN, guard }), root);
  await vi.waitFor(() => expect(api.load).toHaveBeenCalled());
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
  vi.useRealTimers();
});

describe('the vacancy panel', () => {
  it('lists the resumes best first with score and why, preselects the best, greys the others with the reason', async () => {
    await open(fakeApi(panelData()));
    expect(text()).toContain('94%');
    expect(text()).toContain('8 из 9 навыков, зарплата в вилке');
    expect(radios().map((r) => [r.value, r.checked, r.disabled])).toEqual([
      ['1001', true, false],
      ['1002', false, false],
      ['1003', false, true],
      ['1004', false, true],
    ]);
    expect(text()).toContain('резюме не опубликовано');
    expect(text()).toContain('резюме заблокировано модератором');
    expect(text()).toContain('через ваш вход на hh.ru');
  });

  it('applies with the second resume and a letter, once, even on a double click', async () => {
    let release!: (e: LedgerEntry) => void;
    const api = fakeApi(panelData());
    api.apply.mockImplementation(() => new Promise((r) => (release = r)));
    await open(api);

    userClick(radios()[1]!);
    await vi.waitFor(() => expect(radios()[1]!.checked).toBe(true));
    type('Здравствуйте! Я Анна.');
    await vi.waitFor(() => expect(text()).toContain('21 / 2000'));
    const apply = button('Откликнуться')!;
    userClick(apply);
    userClick(apply);
    await vi.waitFor(() => expect(button('Отправляем…')?.disabled).toBe(true));
    userClick(button('Отправляем…')!);
    release(entry({ state: 'done', chatUrl: 'https://hh.ru/chat/5100000009' }));

    await vi.waitFor(() => expect(text()).toContain('Отклик отправлен.'));
    expect(api.apply.mock.calls).toEqual([[{ resumeId: '1002', letter: 'Здравствуйте! Я Анна.' }]]);
    const link = root.querySelector('a') as HTMLAnchorElement;
    expect(link.textContent).toBe('Открыть переписку на hh.ru');
    expect(link.getAttribute('href')).toBe('https://hh.ru/chat/5100000009');
    expect(root.querySelector('textarea')).toBeNull();
  });

  it('ignores clicks a page script fakes', async () => {
    const api = fakeApi(panelData());
    await open(api);
    userClick(button('Откликнуться')!, false);
    await new Promise((r) => setTimeout(r, 0));
    expect(api.apply).not.toHaveBeenCalled();
  });

  it('keeps Apply disabled until a required letter has text', async () => {
    const api = fakeApi(panelData({}, { letterRequired: true }));
    await open(api);
    expect(text()).toContain('обязательно');
    expect(button('Откликнуться')!.disabled).toBe(true);
    expect(text()).toContain('Напишите письмо');
    type('   ');
    await vi.waitFor(() => expect(button('Откликнуться')!.disabled).toBe(true));
    type('Добрый день!');
    await vi.waitFor(() => expect(button('Откликнуться')!.disabled).toBe(false));
    expect(letter().maxLength).toBe(2000);
  });

  it('fills a template with the vacancy, the company and the user’s name', async () => {
    await open(fakeApi(panelData()));
    const select = root.querySelector('select') as HTMLSelectElement;
    select.value = 'default';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() =>
      expect(letter().value).toBe('Здравствуйте! Вакансия «Frontend-разработчик (React, TypeScript)» в Технологии Будущего.\nАнна Смирнова'),
    );
  });

  it('restores the draft and saves it a moment after typing stops', async () => {
    const api = fakeApi(panelData({ draft: { text: 'Черновик', resumeId: '1002', updatedAt: 1 } }));
    await open(api);
    expect(letter().value).toBe('Черновик');
    expect(radios()[1]!.checked).toBe(true);
    vi.useFakeTimers();
    type('Черновик, ');
    type('Черновик, дописала');
    expect(api.saveDraft).not.toHaveBeenCalled();
    vi.advanceTimersByTime(600);
    expect(api.saveDraft.mock.calls).toEqual([[{ text: 'Черновик, дописала', resumeId: '1002' }]]);
  });

  it('saves an unsaved draft when the panel goes away (in-page navigation)', async () => {
    const api = fakeApi(panelData());
    await open(api);
    type('Не успела отправить');
    render(null, root);
    expect(api.saveDraft).toHaveBeenCalledWith({ text: 'Не успела отправить', resumeId: '1001' });
  });

  const refusal = (kind: ErrorInfo['kind'], ru: string, extra: Partial<ErrorInfo> = {}): LedgerEntry =>
    entry({ state: 'failed', error: { kind, ru, en: ru, ...extra } });

  it.each([
    ['already applied', refusal('already_applied', 'Вы уже откликались на эту вакансию.'), null],
    ['archived', refusal('archived', 'Вакансия в архиве или скрыта: откликнуться нельзя.'), null],
    [
      'test required',
      refusal('test_required', 'Работодатель просит пройти тест.', { url: 'https://hh.ru/applicant/vacancy_response?vacancyId=70000001' }),
      ['Открыть форму отклика на hh.ru', 'https://hh.ru/applicant/vacancy_response?vacancyId=70000001'],
    ],
    [
      'captcha',
      refusal('captcha', 'hh.ru просит подтвердить, что вы не робот.', { url: 'https://hh.ru/account/captcha?state=x' }),
      ['Пройти проверку на hh.ru', 'https://hh.ru/account/captcha?state=x'],
    ],
    ['a javascript: link from an answer', refusal('captcha', 'Капча', { url: 'javascript:alert(1)' }), ['Пройти проверку на hh.ru', 'https://hh.ru/account/captcha']],
  ])('shows the refusal in words: %s', async (_name, result, link) => {
    const api = fakeApi(panelData());
    api.apply.mockResolvedValueOnce(result);
    await open(api);
    userClick(button('Откликнуться')!);
    await vi.waitFor(() => expect(text()).toContain(result.error!.ru));
    const a = root.querySelector('a');
    if (link) expect([a?.textContent, a?.getAttribute('href')]).toEqual(link);
    else expect(a).toBeNull();
    expect(button('Откликнуться')).toBeUndefined();
  });

  it('says when the daily limit resets', async () => {
    const api = fakeApi(panelData());
    const retryAt = new Date(2026, 10, 26, 14, 5).getTime();
    api.apply.mockResolvedValueOnce(refusal('limit', 'Достигнут дневной лимит откликов на hh.ru.', { retryAt }));
    await open(api);
    userClick(button('Откликнуться')!);
    await vi.waitFor(() => expect(text()).toContain('Лимит обновится 26 нояб., 14:05.'));
  });

  it('lets the user fix a letter refusal and send again', async () => {
    const api = fakeApi(panelData());
    api.apply.mockResolvedValueOnce(refusal('letter_required', 'Для этой вакансии нужно сопроводительное письмо.'));
    await open(api);
    userClick(button('Откликнуться')!);
    await vi.waitFor(() => expect(button('Изменить и отправить снова')).toBeDefined());
    userClick(button('Изменить и отправить снова')!);
    await vi.waitFor(() => expect(letter()).not.toBeNull());
    type('Письмо');
    await vi.waitFor(() => expect(text()).toContain('6 / 2000'));
    userClick(button('Откликнуться')!);
    await vi.waitFor(() => expect(text()).toContain('Отклик отправлен.'));
    expect(api.apply).toHaveBeenCalledTimes(2);
  });

  it('says "may have been sent" when the outcome is unclear or the worker died mid-send', async () => {
    const api = fakeApi(panelData());
    api.apply.mockResolvedValueOnce(entry({ state: 'uncertain' }));
    await open(api);
    userClick(button('Откликнуться')!);
    await vi.waitFor(() => expect(text()).toContain('Возможно, отправлено: проверьте на hh.ru.'));
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://hh.ru/applicant/negotiations');

    const again = fakeApi(panelData());
    again.apply.mockRejectedValueOnce(Object.assign(new Error('gone'), { info: { kind: 'internal', ru: 'x', en: 'x', value: 'messaging: port closed' } }));
    render(null, root);
    await open(again);
    userClick(button('Откликнуться')!);
    await vi.waitFor(() => expect(text()).toContain('Возможно, отправлено'));
  });

  it('an unclear application is looked up again on request, never resent: found means sent, missing gives the form back', async () => {
    const api = fakeApi(panelData({ lastApply: entry({ state: 'uncertain' }) }));
    await open(api);
    userClick(button('Проверить ещё раз')!, false);
    userClick(button('Проверить ещё раз')!);
    await vi.waitFor(() => expect(text()).toContain('Отклик отправлен.'));
    expect(api.recheck).toHaveBeenCalledTimes(1);

    const missing = fakeApi(panelData({ lastApply: entry({ state: 'uncertain' }) }));
    missing.recheck.mockResolvedValueOnce(
      entry({ state: 'failed', error: { kind: 'not_found', ru: 'На hh.ru отклика на эту вакансию нет: можно отправить снова.', en: 'x' } }),
    );
    render(null, root);
    await open(missing);
    userClick(button('Проверить ещё раз')!);
    await vi.waitFor(() => expect(text()).toContain('можно отправить снова'));
    expect(button('Откликнуться')).toBeDefined();
    expect(missing.apply).not.toHaveBeenCalled();
  });

  it('a first look that finds nothing says "not yet, check again in a minute" and gives no form back', async () => {
    const api = fakeApi(panelData({ lastApply: entry({ state: 'uncertain' }) }));
    api.recheck.mockResolvedValueOnce(
      entry({
        state: 'uncertain',
        error: { kind: 'uncertain', value: 'not-shown-yet', ru: 'hh.ru пока не показывает этот отклик: проверьте ещё раз через минуту.', en: 'x' },
      }),
    );
    await open(api);
    userClick(button('Проверить ещё раз')!);
    await vi.waitFor(() => expect(text()).toContain('hh.ru пока не показывает этот отклик'));
    expect(text()).toContain('Возможно, отправлено');
    expect(button('Откликнуться')).toBeUndefined();
    expect(button('Проверить ещё раз')).toBeDefined();
  });

  it('a click on a covered, hidden or just-moved panel sends nothing and says why', async () => {
    const api = fakeApi(panelData());
    const host = document.createElement('div');
    const w = fakeGuardWorld(host);
    const guard = w.guard();
    await open(api, guard);
    // Not yet still for half a second: the button says it is not ready, and a click says why.
    expect(button('Откликнуться')!.getAttribute('aria-disabled')).toBe('true');
    userClick(button('Откликнуться')!);
    await vi.waitFor(() => expect(text()).toContain('панель только что сдвинулась'));
    w.wait(500);
    await vi.waitFor(() => expect(button('Откликнуться')!.getAttribute('aria-disabled')).toBeNull());

    w.world.top = document.createElement('div');
    userClick(button('Откликнуться')!);
    await vi.waitFor(() => expect(text()).toContain('панель Отклика была перекрыта'));
    w.world.top = host;
    w.world.styles.set(host, { opacity: '0' });
    userClick(button('Откликнуться')!);
    await vi.waitFor(() => expect(text()).toContain('страница скрывала панель Отклика'));
    expect(api.apply).not.toHaveBeenCalled();

    w.world.styles.clear();
    userClick(button('Откликнуться')!);
    await vi.waitFor(() => expect(text()).toContain('Отклик отправлен.'));
    expect(api.apply).toHaveBeenCalledTimes(1);
  });

  it('an application that never left the browser says so and gives the letter back to send again', async () => {
    const api = fakeApi(panelData());
    api.apply.mockResolvedValueOnce(
      entry({ state: 'failed', error: { kind: 'network', notSent: true, ru: 'Ничего не отправлено. Нет связи с hh.ru.', en: 'x' } }),
    );
    await open(api);
    type('Моё письмо');
    userClick(button('Откликнуться')!);
    await vi.waitFor(() => expect(text()).toContain('Ничего не отправлено. Нет связи с hh.ru.'));
    userClick(button('Изменить и отправить снова')!);
    await vi.waitFor(() => expect(letter().value).toBe('Моё письмо'));
  });

  it('shows the last known outcome instead of the form after a reload', async () => {
    await open(fakeApi(panelData({ lastApply: entry({ state: 'uncertain' }) })));
    expect(text()).toContain('Возможно, отправлено');
    expect(root.querySelector('textarea')).toBeNull();
  });

  it('for a vacancy with questions, sends the user to hh.ru’s own form instead of applying', async () => {
    await open(fakeApi(panelData({}, { testRequired: true, hasTest: true })));
    expect(text()).toContain('Работодатель просит ответить на вопросы');
    expect(root.querySelector('a')?.getAttribute('href')).toBe(
      'https://hh.ru/applicant/vacancy_response?vacancyId=70000001&startedWithQuestion=true',
    );
    expect(button('Откликнуться')).toBeUndefined();
  });

  it('for an archived vacancy, says so and offers nothing to send', async () => {
    await open(fakeApi(panelData({}, { archived: true })));
    expect(text()).toContain('Вакансия в архиве');
    expect(button('Откликнуться')).toBeUndefined();
  });

  it('warns near hh.ru’s daily cap', async () => {
    await open(fakeApi(panelData({ appliedLast24h: 187 })));
    expect(text()).toContain('За сутки отправлено 187 из 200 откликов');
  });

  it('signed out: says so with one button that opens sign-in', async () => {
    const api = fakeApi(panelData());
    api.load.mockRejectedValueOnce(Object.assign(new Error('no'), { info: { kind: 'no_session', ru: 'r', en: 'e' } }));
    await open(api);
    expect(text()).toContain('Отклик не видит вашего входа на hh.ru');
    expect(root.querySelectorAll('button:not(.toggle)')).toHaveLength(1);
    userClick(button('Войти')!);
    expect(api.openOptions).toHaveBeenCalledOnce();
  });

  it('collapses to its header and remembers it', async () => {
    const api = fakeApi(panelData());
    await open(api);
    userClick(root.querySelector('button.toggle')!);
    await vi.waitFor(() => expect(root.querySelector('ul')).toBeNull());
    expect(text()).toContain('94% · Frontend-разработчик');
    expect(api.setCollapsed).toHaveBeenCalledWith(true);
  });

  it('opens collapsed when the user left it so', async () => {
    await open(fakeApi(panelData({ collapsed: true })));
    expect(root.querySelector('ul')).toBeNull();
    expect(root.querySelector('button.toggle')?.getAttribute('aria-expanded')).toBe('false');
  });
});
