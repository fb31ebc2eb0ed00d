/** Search-card marks: what became of the user's application to that vacancy. */
import type { NegotiationState } from '../../lib/hh/model';
import type { Text } from '../../lib/i18n';

export const MARK: Partial<Record<NegotiationState, Text>> = {
  response: { ru: 'Вы откликнулись', en: 'You applied' },
  invitation: { ru: 'Приглашение', en: 'Invitation' },
  interview: { ru: 'Приглашение', en: 'Invitation' },
  discard: { ru: 'Отказ', en: 'Rejected' },
};
