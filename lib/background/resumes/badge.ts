/** The toolbar badge: how many resume views the person has not looked at yet, across all resumes. */
import { browser } from 'wxt/browser';
import { plural, tr } from '../../i18n';
import type { Snapshot } from '../../store';

const NEW_VIEWS = {
  ru: { one: 'новый просмотр резюме', few: 'новых просмотра резюме', many: 'новых просмотров резюме' },
  en: { one: 'new resume view', other: 'new resume views' },
};

export function newViewsTotal(snapshot: Snapshot | null): number {
  return (snapshot?.resumes ?? []).reduce((sum, r) => sum + Math.max(0, r.newViews ?? 0), 0);
}

export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 99 ? '99+' : String(total);
}

/** The toolbar button's API: `action` in MV3, `browserAction` in Firefox's MV2 build (same methods). */
export function toolbarAction(): typeof browser.action {
  return browser.action ?? (browser.browserAction as unknown as typeof browser.action);
}

export async function updateBadge(snapshot: Snapshot | null): Promise<void> {
  const action = toolbarAction();
  const total = newViewsTotal(snapshot);
  await action.setBadgeText({ text: badgeText(total) });
  await action.setBadgeBackgroundColor({ color: '#d0262f' });
  const name = tr({ ru: 'Отклик', en: 'Otklik' });
  await action.setTitle({ title: total > 0 ? `${name}: ${plural(total, NEW_VIEWS)}` : name });
}
