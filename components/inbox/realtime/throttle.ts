/** Leading + trailing throttle: runs at once, then at most once per `ms` (the last call wins). */
export function createThrottle(ms: number) {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: (() => void) | null = null;
  const flush = () => {
    timer = null;
    last = Date.now();
    const fn = pending;
    pending = null;
    fn?.();
  };
  return {
    run(fn: () => void) {
      pending = fn;
      if (timer) return;
      const wait = last + ms - Date.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
