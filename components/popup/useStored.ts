import { useEffect, useState, type Dispatch, type StateUpdater } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * A stored item as component state: read once (no network, so the first paint is the cache), then
 * kept current as the background writes it. `undefined` until the first read returns.
 */
export function useStored<T>(item: WxtStorageItem<T, Record<string, unknown>>): [T | undefined, Dispatch<StateUpdater<T | undefined>>] {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void item.getValue().then((v) => {
      // A newer value (a watch event, a reply) may have arrived first: keep it.
      if (live) setValue((current) => (current === undefined ? v : current));
    });
    const unwatch = item.watch((v) => setValue(v));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return [value, setValue];
}
