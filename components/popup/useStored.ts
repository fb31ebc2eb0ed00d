import { useEffect, useState, type Dispatch, type StateUpdater } from 'preact/hooks';

/**
 * A stored value the popup follows: read it, and hear each write. The popup's live half
 * (./live.ts) makes these from lib/store.ts's items, validating what it reads.
 */
export interface Source<T> {
  getValue(): Promise<T>;
  watch(cb: (value: T) => void): () => void;
}

/**
 * A stored item as component state, kept current as the background writes it. `undefined` until
 * the first read returns, unless the caller already read it (`first`): then the first render shows
 * it. Without a source yet (the first frame, before the live half loaded) it only holds `first`;
 * once the source comes, it reads again and follows.
 */
export function useStored<T>(
  source: Source<T> | undefined,
  first?: { value: T },
): [T | undefined, Dispatch<StateUpdater<T | undefined>>] {
  const [value, setValue] = useState<T | undefined>(first?.value);
  useEffect(() => {
    if (!source) return;
    let live = true;
    const unwatch = source.watch((v) => setValue(v));
    // Read after watching (again, with `first`): a write made before the watch began is not lost.
    void source.getValue().then((v) => {
      // A newer value (a watch event, a reply) may have arrived first: keep it.
      if (live) setValue((current) => (current === first?.value ? v : current));
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [source]);
  return [value, setValue];
}
