/**
 * The toolbar badge: what is new for the person, summed: resume views she has not looked at yet and
 * employers' answers she has not seen in the popup. The tooltip says what the number is made of.
 */
import { browser } from 'wxt/browser';
import { plural, tr } from '../../i18n';
import { applicationsItem, type Snapshot } from '../../store';
import { unseenCount } from '../applications/diff';

const NEW_VIEWS = {
  ru: { one: 'новый просмотр резюме', few: 'новых просмотра резюме', many: 'новых просмотров резюме' },
  en: { one: 'new resume view', other: 'new resume views' },
};

const NEW_ANSWERS = {
  ru: { one: 'новый ответ работодателя', few: 'новых ответа работодателей', many: 'новых ответов работодателей' },
  en: { one: 'new answer from an employer', other: 'new answers from employers' },
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

/** "Отклик: 2 новых ответа работодателей, 3 новых просмотра резюме"; just the name when nothing is new. */
export function badgeTitle(answers: number, views: number): string {
  const name = tr({ ru: 'Отклик', en: 'Otklik' });
  const parts = [answers > 0 ? plural(answers, NEW_ANSWERS) : '', views > 0 ? plural(views, NEW_VIEWS) : ''].filter(Boolean);
  return parts.length ? `${name}: ${parts.join(', ')}` : name;
}

export async function updateBadge(snapshot: Snapshot | null): Promise<void> {
  const action = toolbarAction();
  const views = newViewsTotal(snapshot);
  const answers = unseenCount(await applicationsItem.getValue());
  await action.setBadgeText({ text: badgeText(views + answers) });
  await action.setBadgeBackgroundColor({ color: '#d0262f' });
  await action.setTitle({ title: badgeTitle(answers, views) });
}
