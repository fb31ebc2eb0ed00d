/**
 * The one way content scripts follow hh.ru's page as it re-renders: `run` once now, then at most
 * once a frame after any change below `root`, however many mutations arrived in between.
 * Returns how to stop.
 */
export function onDomChange(run: () => void, root: Node = document.body): () => void {
  run();
  let queued = 0;
  const observer = new MutationObserver(() => {
    queued ||= requestAnimationFrame(() => {
      queued = 0;
      run();
    });
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    cancelAnimationFrame(queued);
  };
}
