/** Turns rows into the stdout table, the README section and the list of missed budgets. */
import { BUDGETS } from './budgets';
import type { Figure, Row } from './figure';

export interface Section {
  figure: Figure;
  rows: Row[];
}

function num(x: number | null | undefined, unit: string): string {
  if (x === null || x === undefined) return '';
  if (unit === 'count') return String(Math.round(x));
  const digits = unit === 'KB' || unit === 'MB' ? 1 : Math.abs(x) >= 100 ? 0 : 1;
  return x.toFixed(digits);
}

const unitLabel = (unit: string) => (unit === 'count' ? '' : ` ${unit}`);

function budgetText(row: Row, figure: Figure): string {
  const spec = figure.rows.find((r) => r.name === row.name);
  if (!spec?.budget || row.budget === null) return '';
  const b = BUDGETS[spec.budget];
  if (b.on === 'ratio') return `≤ ${b.max}×`;
  return `${b.on === 'max' ? 'max ' : ''}≤ ${num(b.max, row.unit)}${unitLabel(row.unit)}`;
}

const verdict = (row: Row) => (row.ok === null ? (row.value === null ? 'n/a' : '') : row.ok ? 'ok' : 'MISSED');

function cells(row: Row, figure: Figure): string[] {
  if (row.value === null) return [row.name, 'n/a', '', '', '', '', budgetText(row, figure), row.note ?? 'n/a'];
  return [
    row.name,
    `${num(row.value, row.unit)}${unitLabel(row.unit)}`,
    row.n && row.n > 1 ? num(row.min, row.unit) : '',
    row.n && row.n > 1 ? num(row.max, row.unit) : '',
    row.baseline === undefined ? '' : `${num(row.baseline, row.unit)}${unitLabel(row.unit)}`,
    row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`,
    budgetText(row, figure),
    verdict(row) + (row.note ? `  ${row.note}` : ''),
  ];
}

const HEAD = ['figure', 'median', 'min', 'max', 'baseline', 'ratio', 'budget', 'verdict'];

export function table(sections: Section[]): string {
  const lines: string[][] = [HEAD];
  const titles = new Map<number, string>();
  for (const s of sections) {
    titles.set(lines.length, s.figure.title);
    for (const r of s.rows) lines.push(cells(r, s.figure));
  }
  // The last column (verdict and notes) is not padded.
  const widths = HEAD.slice(0, -1).map((_, i) => Math.max(...lines.map((l) => l[i]?.length ?? 0)));
  const out: string[] = [];
  lines.forEach((l, i) => {
    const title = titles.get(i);
    if (title) out.push(`-- ${title}`);
    out.push(
      l
        .map((c, j) => (j === l.length - 1 ? c : j === 0 ? c.padEnd(widths[j] ?? 0) : c.padStart(widths[j] ?? 0)))
        .join('  ')
        .trimEnd(),
    );
  });
  return out.join('\n');
}

export function markdown(sections: Section[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const out = [`| ${HEAD.join(' | ')} |`, `|${HEAD.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const s of sections) {
    out.push(`| **${esc(s.figure.title)}** |${' |'.repeat(HEAD.length - 1)}`);
    for (const r of s.rows) out.push(`| ${cells(r, s.figure).map(esc).join(' | ')} |`);
  }
  return out.join('\n');
}

export function missed(sections: Section[]): Row[] {
  return sections.flatMap((s) => s.rows.filter((r) => r.ok === false));
}
