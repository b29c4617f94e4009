// A signal that aborts when `signal` does or after `milliseconds`. Not AbortSignal.timeout inside
// AbortSignal.any: Node can collect a timeout signal that only AbortSignal.any refers to before it
// fires (nodejs/node#57736), and the request then never times out. Here the timer holds its
// controller; it is unref'd, so it never keeps the process alive.
export function signalWithTimeout(signal: AbortSignal, milliseconds: number): AbortSignal {
  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new DOMException('The operation timed out.', 'TimeoutError')),
    milliseconds,
  );
  timer.unref();
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return AbortSignal.any([signal, timeout.signal]);
}
