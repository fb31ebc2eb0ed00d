import { VACANCY_MATCHES } from '../../lib/hh/sites';
import { followVacancyPages } from './follow';

// Test URLs: https://hh.ru/vacancy/70000001 , https://spb.hh.ru/vacancy/70000002?nomarkers=1
export default defineContentScript({
  matches: VACANCY_MATCHES,
  // The DOM is parsed (hh's apply button and the state template are there): no need to wait for idle.
  runAt: 'document_end',
  main(ctx) {
    followVacancyPages(ctx);
  },
});
