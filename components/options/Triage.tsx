/**
 * Search triage settings: the fit figure on cards, stop-words, a minimum salary, what to do with
 * applied and rejected vacancies, the hidden and never-apply employers, and a JSON file to carry
 * all of it to another browser. Each change is saved at once (through the background).
 */
import { useState } from 'preact/hooks';
import { DEFAULT_TRIAGE, Triage, type CardAction, type ListedEmployer, type Settings } from '../../lib/store';
import { toggleListed } from '../../lib/triage';
import { tr } from '../../lib/i18n';
import { TS } from './triage-strings';

type Patch = (patch: Partial<Settings>) => void;

const ACTIONS: CardAction[] = ['show', 'dim', 'hide'];
const CURRENCIES = ['RUR', 'KZT', 'BYR', 'UZS', 'USD', 'EUR'];
const FILE_KIND = 'otklik-triage';

/** The file a person saves: marked as ours, versioned, with the whole triage block. */
export function exportTriage(t: Triage): string {
  return JSON.stringify({ kind: FILE_KIND, version: 1, triage: t }, null, 2);
}

/** The triage block in a saved file, or null when the file is not one of ours or does not fit the schema. */
export function importTriage(text: string): Triage | null {
  try {
    const file = JSON.parse(text) as { kind?: unknown; triage?: unknown };
    if (file?.kind !== FILE_KIND || typeof file.triage !== 'object' || !file.triage) return null;
    const parsed = Triage.safeParse({ ...DEFAULT_TRIAGE, ...file.triage });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function EmployerList(props: {
  id: string;
  title: string;
  help: string;
  list: ListedEmployer[];
  onChange: (list: ListedEmployer[]) => void;
}) {
  const [name, setName] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) return;
    props.onChange(toggleListed(props.list, { id: null, name: n }, true));
    setName('');
  };
  return (
    <div data-testid={props.id}>
      <h3>{props.title}</h3>
      <p class="muted">{props.help}</p>
      {props.list.length === 0 ? (
        <p class="muted">{tr(TS.none)}</p>
      ) : (
        <ul class="templates">
          {props.list.map((e) => (
            <li key={`${e.id ?? ''}:${e.name}`} class="row">
              <span class="grow">{e.name}</span>
              <button type="button" class="danger" aria-label={tr(TS.remove, { name: e.name })} onClick={() => props.onChange(toggleListed(props.list, e, false))}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={add}>
        <input class="grow" aria-label={tr(TS.addName)} placeholder={tr(TS.addName)} value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={300} />
        <button type="submit">{tr(TS.add)}</button>
      </form>
    </div>
  );
}

export function TriageSection({ settings, patch }: { settings: Settings; patch: Patch }) {
  const t = settings.triage;
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (p: Partial<Triage>) => patch({ triage: { ...t, ...p } });
  const words = (text: string) => [...new Set(text.split('\n').map((w) => w.trim()).filter(Boolean))];

  const download = () => {
    const url = URL.createObjectURL(new Blob([exportTriage(t)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'otklik-lists.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const next = importTriage(await file.text());
    if (!next) return setNote({ ok: false, text: tr(TS.importFailed) });
    patch({ triage: next });
    setNote({ ok: true, text: tr(TS.imported, { employers: next.hiddenEmployers.length + next.neverApply.length, words: next.stopWords.length }) });
  };

  return (
    <section class="card" aria-labelledby="triage-h" data-testid="triage">
      <h2 id="triage-h">{tr(TS.title)}</h2>
      <label class="check">
        <input type="checkbox" checked={t.fitOnCards} onChange={(e) => set({ fitOnCards: e.currentTarget.checked })} data-testid="triage-fit" />
        {tr(TS.fitOnCards)}
      </label>

      <label for="triage-words">{tr(TS.stopWords)}</label>
      <textarea
        id="triage-words"
        rows={3}
        aria-describedby="triage-words-help"
        value={t.stopWords.join('\n')}
        onChange={(e) => set({ stopWords: words(e.currentTarget.value) })}
        data-testid="triage-words"
      />
      <p class="muted" id="triage-words-help">
        {tr(TS.stopWordsHelp)}
      </p>

      <label for="triage-salary">{tr(TS.minSalary)}</label>
      <div class="row">
        <input
          id="triage-salary"
          type="number"
          min={0}
          step={1000}
          aria-describedby="triage-salary-help"
          value={t.minSalary.amount ?? ''}
          onChange={(e) => {
            const n = Number.parseInt(e.currentTarget.value, 10);
            set({ minSalary: { ...t.minSalary, amount: Number.isFinite(n) && n > 0 ? n : null } });
          }}
          data-testid="triage-salary"
        />
        <select aria-label={tr(TS.minSalary)} value={t.minSalary.currency} onChange={(e) => set({ minSalary: { ...t.minSalary, currency: e.currentTarget.value } })}>
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <select
          aria-label={`${tr(TS.net)} / ${tr(TS.gross)}`}
          value={t.minSalary.net ? 'net' : 'gross'}
          onChange={(e) => set({ minSalary: { ...t.minSalary, net: e.currentTarget.value === 'net' } })}
          data-testid="triage-salary-net"
        >
          <option value="net">{tr(TS.net)}</option>
          <option value="gross">{tr(TS.gross)}</option>
        </select>
      </div>
      <p class="muted" id="triage-salary-help">
        {tr(TS.minSalaryHelp)}
      </p>

      {(['applied', 'rejected'] as const).map((k) => (
        <div class="row" key={k}>
          <label for={`triage-${k}`}>{tr(TS[k])}</label>
          <select id={`triage-${k}`} value={t[k]} onChange={(e) => set({ [k]: e.currentTarget.value as CardAction })} data-testid={`triage-${k}`}>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {tr(TS[a])}
              </option>
            ))}
          </select>
        </div>
      ))}

      <EmployerList id="triage-hidden" title={tr(TS.hiddenEmployers)} help={tr(TS.hiddenEmployersHelp)} list={t.hiddenEmployers} onChange={(l) => set({ hiddenEmployers: l })} />
      <EmployerList id="triage-never" title={tr(TS.neverApply)} help={tr(TS.neverApplyHelp)} list={t.neverApply} onChange={(l) => set({ neverApply: l })} />

      <p class="muted">{tr(TS.transferHelp)}</p>
      <div class="row">
        <button type="button" onClick={download} data-testid="triage-export">
          {tr(TS.exportLists)}
        </button>
        <label class="button">
          {tr(TS.importLists)}
          <input type="file" accept="application/json,.json" onChange={(e) => void upload(e.currentTarget)} data-testid="triage-import" />
        </label>
      </div>
      {note && (
        <p class={note.ok ? 'ok' : 'bad'} role="status">
          {note.text}
        </p>
      )}
    </section>
  );
}
