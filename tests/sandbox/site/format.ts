/** Russian texts the way hh.ru prints them: salaries, experience, Moscow times. */
import type { ExperienceId, Salary } from '../state';

const CURRENCY: Record<Salary['currency'], string> = { RUR: '₽', KZT: '₸', BYR: 'Br', USD: '$' };

/** `250 000` with a narrow no-break space, as hh.ru groups digits. */
function money(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

export function salaryText(s: Salary | null): string {
  if (!s || (s.from == null && s.to == null)) return 'Уровень дохода не указан';
  const cur = CURRENCY[s.currency];
  const range =
    s.from != null && s.to != null
      ? `от ${money(s.from)} до ${money(s.to)}`
      : s.from != null
        ? `от ${money(s.from)}`
        : `до ${money(s.to!)}`;
  return `${range} ${cur} ${s.gross ? 'до вычета налогов' : 'на руки'}`;
}

export const EXPERIENCE_TEXT: Record<ExperienceId, string> = {
  noExperience: 'не требуется',
  between1And3: '1–3 года',
  between3And6: '3–6 лет',
  moreThan6: 'более 6 лет',
};

/** Moscow has no daylight saving time: UTC+3 all year. */
const MSK_OFFSET = 3 * 3_600_000;

export interface MskParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function msk(ms: number): MskParts {
  const d = new Date(ms + MSK_OFFSET);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

const MONTHS_GENITIVE = [
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня',
  'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
];

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** «сегодня в 04:24», «завтра в 09:00», «3 декабря в 12:00», relative to `now`, in Moscow time. */
export function whenText(at: number, now: number): string {
  const a = msk(at);
  const time = `${two(a.hour)}:${two(a.minute)}`;
  const dayIndex = (ms: number) => Math.floor((ms + MSK_OFFSET) / 86_400_000);
  const diff = dayIndex(at) - dayIndex(now);
  if (diff === 0) return `сегодня в ${time}`;
  if (diff === 1) return `завтра в ${time}`;
  return `${a.day} ${MONTHS_GENITIVE[a.month - 1]} в ${time}`;
}

/** «25 ноября 2026» */
export function dateText(at: number): string {
  const a = msk(at);
  return `${a.day} ${MONTHS_GENITIVE[a.month - 1]} ${a.year}`;
}
