// @vitest-environment happy-dom
/** The popup's inbox as the person sees it: states in words, unknown ones as hh.ru wrote them, the filter, safe links, "seen" once shown. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { Inbox } from '../../components/popup/Inbox';
import { setLang } from '../../lib/i18n';
import type { Inbox as InboxData, InboxItem } from '../../lib/messages';
import { text } from './dom';

let root: HTMLElement;
const NOW = Date.now();

function item(id: string, patch: Partial<InboxItem> = {}): InboxItem {
  return {
    id,
    state: 'sent',
    rawState: 'RESPONSE',
    vacancyName: `Вакансия ${id}`,
    employerName: `Работодатель ${id}`,
    resumeTitle: 'Аналитик данных',
    at: NOW,
    unread: false,
    news: null,
    chatUrl: `https://hh.ru/applicant/negotiations/item?topicId=${id}`,
    ...patch,
  };
}

const DATA: InboxData = {
  items: [
    item('1', { state: 'invitation', rawState: 'INVITATION', news: 'invitation', unread: true }),
    item('2', { state: 'unknown', rawState: 'OFFER_MADE', news: 'unknown' }),
    item('3', { state: 'discard', rawState: 'DISCARD', chatUrl: 'javascript:alert(1)' }),
    item('4'),
  ],
  total: 4,
  unseen: 2,
  polledAt: NOW,
};

const rows = () => [...root.querySelectorAll<HTMLElement>('[data-testid="inbox-item"]')];

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(() => Promise.resolve());
}

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

describe('the inbox', () => {
  it('says how many answers are new before it is opened, and marks them seen once it showed them', async () => {
    const load = vi.fn(async () => DATA);
    const seen = vi.fn(async () => undefined);
    await act(() => render(h(Inbox, { site: 'hh.ru', unseen: 2, load, seen, onHistory: () => undefined }), root));
    expect(text(root.querySelector('[data-testid="inbox-unseen"]'))).toBe('2 новых ответа');
    expect(load).not.toHaveBeenCalled();

    await act(() => root.querySelector<HTMLElement>('[data-testid="inbox-open"]')!.click());
    await settle();

    expect(load).toHaveBeenCalledTimes(1);
    expect(seen).toHaveBeenCalledTimes(1);
    expect(rows().map((r) => text(r.querySelector('[data-testid="inbox-state"]')))).toEqual([
      'Приглашение',
      'Неизвестный статус: OFFER_MADE',
      'Отказ',
      'Отправлен',
    ]);
    expect(rows()[0]!.dataset.unread).toBe('true');
    expect(text(rows()[0])).toContain('Резюме: Аналитик данных');
    expect(rows()[0]!.querySelector('a')!.getAttribute('href')).toBe('https://hh.ru/applicant/negotiations/item?topicId=1');
    // A link hh.ru's data would make into script stays text.
    expect(rows()[2]!.querySelector('a')).toBeNull();
    expect(text(rows()[2]!.querySelector('[data-testid="inbox-vacancy"]'))).toBe('Вакансия 3');
  });

  it('filters by state', async () => {
    await act(() =>
      render(h(Inbox, { site: 'hh.ru', unseen: 0, load: async () => DATA, seen: async () => undefined, onHistory: () => undefined }), root),
    );
    await act(() => root.querySelector<HTMLElement>('[data-testid="inbox-open"]')!.click());
    await settle();
    const select = root.querySelector<HTMLSelectElement>('[data-testid="inbox-filter"]')!;
    await act(() => {
      select.value = 'discard';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(rows().map((r) => r.dataset.topicId)).toEqual(['3']);
    await act(() => {
      select.value = 'interview';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(rows()).toEqual([]);
    expect(text(root.querySelector('.inbox__body'))).toContain('Таких откликов нет.');
  });
});
