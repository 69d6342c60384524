import autocannon from 'autocannon';

export type LoadResult = {
  requests: number;
  errors: number;
  non2xx: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
};

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * Drives one request shape with `connections` concurrent keep-alive connections for `seconds`
 * (autocannon) and reports latency percentiles from every response's own time.
 */
export async function load(opts: {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** A fresh body per request (the n-th request of the run), e.g. unique data for creates. */
  bodyFor?: (n: number) => string;
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  let sent = 0;
  const fresh = opts.bodyFor;
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.url,
        method: opts.method ?? 'GET',
        headers: opts.headers,
        body: opts.body,
        connections: opts.connections,
        duration: opts.seconds,
        ...(fresh && {
          requests: [
            {
              setupRequest: (request: autocannon.Request) => ({ ...request, body: fresh(sent++) }),
            },
          ],
        }),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode < 300) times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rps: round(times.length / opts.seconds),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
  };
}
