/**
 * "Мои отклики": every application Otklik knows, page by page, the funnel per resume and per week,
 * the ones without an answer for N days, and the export to CSV and JSON. Reads through `load`
 * (the background's `history`); the files are made here, in the browser.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ErrorInfo } from '../../lib/hh/errors';
import { isSiteUrl } from '../../lib/hh/sites';
import { errorInfoOf } from '../../lib/client';
import { daysSince, funnelByResume, funnelByWeek, funnelOf, noAnswerFor, toCsv, toJson, type Funnel, type FunnelGroup, type HistoryRow } from '../../lib/history';
import type { InboxState } from '../../lib/messages';
import { formatDateTime, lang, plural, tr } from '../../lib/i18n';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { Spinner } from '../ui/Spinner';
import { I } from '../popup/inbox-strings';
import { DAYS_AGO, H, WAITING } from './strings';
import './history.css';

export const PAGE_SIZE = 50;
const STATES: InboxState[] = ['sent', 'viewed', 'invitation', 'interview', 'discard', 'unknown'];

export function History({ load, now = Date.now() }: { load(): Promise<HistoryRow[]>; now?: number }) {
  const [rows, setRows] = useState<HistoryRow[] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [filter, setFilter] = useState<InboxState | 'all'>('all');
  const [days, setDays] = useState(7);
  const [onlyWaiting, setOnlyWaiting] = useState(false);
  const [page, setPage] = useState(0);

  const fetch = async () => {
    setError(null);
    try {
      setRows(await load());
    } catch (e) {
      setError(errorInfoOf(e));
    }
  };
  useEffect(() => {
    document.documentElement.lang = lang();
    document.title = tr(H.title);
    void fetch();
  }, []);

  const waiting = useMemo(() => (rows ? noAnswerFor(rows, days, now) : []), [rows, days, now]);
  const shown = useMemo(() => {
    const base = onlyWaiting ? waiting : (rows ?? []);
    return base.filter((r) => filter === 'all' || r.state === filter);
  }, [rows, waiting, onlyWaiting, filter]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);

  return (
    <main class="history">
      <h1>{tr(H.title)}</h1>
      <p class="muted">{tr(H.intro)}</p>
      {error && (
        <ErrorNote error={error}>
          <Button onClick={() => void fetch()}>{tr(H.retry)}</Button>
        </ErrorNote>
      )}
      {!rows && !error && (
        <p class="muted">
          <Spinner /> {tr(H.loading)}
        </p>
      )}
      {rows && rows.length === 0 && <p data-testid="history-empty">{tr(H.empty)}</p>}
      {rows && rows.length > 0 && (
        <>
          <section class="card" aria-labelledby="funnel-h">
            <h2 id="funnel-h">{tr(H.funnel)}</h2>
            <FunnelTable
              testId="funnel-total"
              groups={[{ key: 'all', label: tr(H.total), funnel: funnelOf(rows) }]}
              caption={tr(H.total)}
            />
            <h3>{tr(H.byResume)}</h3>
            <FunnelTable testId="funnel-resume" groups={funnelByResume(rows, tr(H.unknownResume))} caption={tr(H.byResume)} />
            <h3>{tr(H.byWeek)}</h3>
            <FunnelTable
              testId="funnel-week"
              groups={funnelByWeek(rows, (w) => tr(H.weekOf, { date: new Date(w).toLocaleDateString(lang() === 'ru' ? 'ru-RU' : 'en-GB') }))}
              caption={tr(H.byWeek)}
            />
          </section>

          <section class="card" aria-labelledby="list-h">
            <h2 id="list-h">{tr(H.list)}</h2>
            <div class="history__tools">
              <label>
                {tr(H.waiting)}{' '}
                <input
                  type="number"
                  min={1}
                  max={365}
                  value={days}
                  onInput={(e) => {
                    const n = Number(e.currentTarget.value);
                    if (Number.isInteger(n) && n >= 1 && n <= 365) setDays(n);
                  }}
                  data-testid="waiting-days"
                />{' '}
                {tr(H.waitingDays)}:{' '}
                <strong data-testid="waiting-count" data-count={waiting.length}>
                  {plural(waiting.length, WAITING)}
                </strong>
              </label>
              <label class="check">
                <input type="checkbox" checked={onlyWaiting} onChange={(e) => (setOnlyWaiting(e.currentTarget.checked), setPage(0))} data-testid="only-waiting" />
                {tr(H.onlyWaiting)}
              </label>
              <label>
                {tr(H.filter)}{' '}
                <select value={filter} onChange={(e) => (setFilter(e.currentTarget.value as InboxState | 'all'), setPage(0))} data-testid="history-filter">
                  <option value="all">{tr(H.all)}</option>
                  {STATES.map((s) => (
                    <option key={s} value={s}>
                      {tr(I.state[s])}
                    </option>
                  ))}
                </select>
              </label>
              <Button onClick={() => download('otklik-applications.csv', 'text/csv;charset=utf-8', toCsv(shown))} data-testid="export-csv">
                {tr(H.exportCsv)}
              </Button>
              <Button onClick={() => download('otklik-applications.json', 'application/json', toJson(shown))} data-testid="export-json">
                {tr(H.exportJson)}
              </Button>
            </div>
            <table class="history__table">
              <thead>
                <tr>
                  <th>{tr(H.vacancy)}</th>
                  <th>{tr(H.employer)}</th>
                  <th>{tr(H.resume)}</th>
                  <th>{tr(H.state)}</th>
                  <th>{tr(H.applied)}</th>
                </tr>
              </thead>
              <tbody>
                {shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE).map((r) => (
                  <Row key={r.id} row={r} now={now} />
                ))}
              </tbody>
            </table>
            {pages > 1 && (
              <nav class="history__pager" aria-label={tr(H.page, { n: current + 1, of: pages })}>
                <Button disabled={current === 0} onClick={() => setPage(current - 1)} data-testid="page-prev">
                  {tr(H.prev)}
                </Button>
                <span data-testid="page-of">{tr(H.page, { n: current + 1, of: pages })}</span>
                <Button disabled={current + 1 >= pages} onClick={() => setPage(current + 1)} data-testid="page-next">
                  {tr(H.next)}
                </Button>
              </nav>
            )}
          </section>
        </>
      )}
    </main>
  );
}

const STEPS: Array<keyof Funnel> = ['sent', 'viewed', 'invited', 'interview', 'rejected'];

function FunnelTable({ groups, caption, testId }: { groups: FunnelGroup[]; caption: string; testId: string }) {
  return (
    <table class="funnel" data-testid={testId}>
      <caption class="ok-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th />
          {STEPS.map((s) => (
            <th key={s}>{tr(H[s])}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key} data-testid="funnel-row">
            <th scope="row">{g.label}</th>
            {STEPS.map((s) => (
              <td key={s} data-step={s}>
                {g.funnel[s]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Row({ row, now }: { row: HistoryRow; now: number }) {
  const url = row.url && isSiteUrl(row.url) ? row.url : undefined;
  const name = row.vacancyName ?? (row.vacancyId ? tr(H.vacancyNo, { id: row.vacancyId }) : tr(I.noVacancy));
  const state = row.state === 'unknown' && row.rawState ? tr(H.unknownRaw, { raw: row.rawState }) : tr(I.state[row.state]);
  return (
    <tr data-testid="history-row" data-id={row.id} data-state={row.state}>
      <td>
        {url ? (
          <a class="ok-link" href={url} target="_blank" rel="noreferrer">
            {name}
          </a>
        ) : (
          name
        )}
        {row.viaOtklik && <span class="history__tag">{tr(H.viaOtklik)}</span>}
        {!row.onHh && <span class="history__tag muted">{tr(H.notOnHh)}</span>}
      </td>
      <td>{row.employerName ?? ''}</td>
      <td>{row.resumeTitle ?? ''}</td>
      <td>
        {state}
        {row.unread && <span class="history__tag history__tag--unread">{tr(H.unread)}</span>}
      </td>
      <td>
        <time dateTime={new Date(row.appliedAt).toISOString()} title={formatDateTime(row.appliedAt)}>
          {plural(daysSince(row.appliedAt, now), DAYS_AGO)}
        </time>
      </td>
    </tr>
  );
}

/** A file made here and handed to the browser's download: nothing leaves the machine. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
