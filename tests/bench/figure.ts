/**
 * What a figure is and how its samples become a reported row: median/min/max of the runs, the
 * baseline measured beside it, the ratio of paired runs, and the verdict against its budget.
 */
import { BUDGETS, type BudgetName } from './budgets';
import type { Bench } from './harness';

export interface RowSpec {
  key: string;
  name: string;
  unit: string;
  budget?: BudgetName;
  /** One line for README: what the figure means. */
  about: string;
}

/** Samples of one row; `baseline[i]` was measured beside `value[i]` (same run pair). */
export interface Measure {
  value: number[];
  baseline?: number[];
  /** Shown beside the verdict (e.g. "7 marks", "10 pages (smoke)"). */
  note?: string;
}

export type Measures = Record<string, Measure | { na: string }>;

export interface Figure {
  id: string;
  title: string;
  rows: readonly RowSpec[];
  /** How much longer than a usual figure it may run before it is called hung (default 1). */
  timeScale?: number;
  run(bench: Bench): Promise<Measures>;
}

export interface Row {
  name: string;
  value: number | null;
  unit: string;
  baseline?: number;
  ratio?: number;
  /** An upper bound on the median (`value`), the `ratio`, or the worst run (`max`), per `budgetOn`. */
  budget: number | null;
  budgetOn?: 'value' | 'ratio' | 'max';
  /** null: not measured, or no budget. */
  ok: boolean | null;
  min?: number;
  max?: number;
  n?: number;
  note?: string;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function toRow(spec: RowSpec, m: Measure | { na: string } | undefined): Row {
  const budget = spec.budget ? BUDGETS[spec.budget] : null;
  const limits = { budget: budget?.max ?? null, ...(budget ? { budgetOn: budget.on } : {}) };
  if (!m || 'na' in m || m.value.length === 0) {
    const why = !m ? 'not measured' : 'na' in m ? m.na : 'no samples';
    return { name: spec.name, value: null, unit: spec.unit, ...limits, ok: null, note: `n/a (${why})` };
  }
  let baseline: number | undefined;
  let ratio: number | undefined;
  if (m.baseline?.length) {
    const base = m.baseline;
    baseline = round(median(base));
    // Paired runs: the ratio of each pair, then the median, so drift on a busy machine cancels.
    const ratios = m.value.map((v, i) => v / base[i]!).filter((r) => Number.isFinite(r));
    if (ratios.length) ratio = round(median(ratios));
  }
  const value = round(median(m.value));
  const max = round(Math.max(...m.value));
  const checked = budget ? { value, ratio, max }[budget.on] : undefined;
  return {
    name: spec.name,
    value,
    unit: spec.unit,
    ...(baseline === undefined ? {} : { baseline }),
    ...(ratio === undefined ? {} : { ratio }),
    ...limits,
    ok: budget && checked !== undefined ? checked <= budget.max : null,
    min: round(Math.min(...m.value)),
    max,
    n: m.value.length,
    ...(m.note ? { note: m.note } : {}),
  };
}
