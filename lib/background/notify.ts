/** System notifications: one place that shows them, so a notification that cannot be shown never undoes the work it reports. */
import { browser } from 'wxt/browser';

export async function notify(id: string, title: string, message: string): Promise<void> {
  try {
    const iconUrl = browser.runtime.getURL('/icon/128.png');
    await browser.notifications.create(id, { type: 'basic', iconUrl, title, message });
  } catch (e) {
    console.warn('Otklik: notification not shown', e);
  }
}
