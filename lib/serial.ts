/**
 * Runs async sections one at a time, in call order. A read-modify-write of one stored item
 * (the ledger, the drafts) must not interleave with another: two tabs' clicks arrive together.
 */
export function createSerial(): <T>(section: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(section: () => Promise<T>): Promise<T> => {
    const run = tail.then(section, section);
    tail = run.catch(() => undefined);
    return run;
  };
}
