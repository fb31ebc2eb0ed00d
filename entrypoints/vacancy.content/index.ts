import { VACANCY_MATCHES } from '../../lib/sites';
import { followVacancyPages } from './follow';

// Test URLs: https://hh.ru/vacancy/70000001 , https://spb.hh.ru/vacancy/70000002?nomarkers=1
export default defineContentScript({
  matches: VACANCY_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    followVacancyPages(ctx);
  },
});
