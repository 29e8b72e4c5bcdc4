/** A GraphQL subscription over server-sent events, as a browser's fetch or EventSource reads it. */

export interface SseResult {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface SseSubscription {
  status: number;
  /** Every `next` message so far. */
  messages: SseResult[];
  /** The i-th `next` message (0-based), waiting for it; rejects at the deadline or when the stream ends first. */
  message(i: number, timeoutMs?: number): Promise<SseResult>;
  /** Resolves when the server sent `complete` (or the stream ended). */
  completed: Promise<void>;
  /** Drops the subscription (cancels the body), as a closed tab does. */
  close(): Promise<void>;
  /** The body unread: a subscriber that never reads. */
  response: Response;
}

type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

/** Opens a subscription; with `read: false` nothing is read from the body (a stalled client). */
export async function subscribe(
  fetcher: Fetcher,
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  options: { read?: boolean } = {},
): Promise<SseSubscription> {
  const body = JSON.stringify({ query, variables });
  const response = await fetcher(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      accept: 'text/event-stream',
      ...headers,
    },
    body,
  });
  const messages: SseResult[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  let finish: () => void = () => undefined;
  const completed = new Promise<void>((resolve) => {
    finish = () => {
      ended = true;
      resolve();
      for (const w of [...waiters]) w();
    };
  });
  const streaming = response.headers.get('content-type')?.includes('text/event-stream') ?? false;
  const reader = options.read === false || !streaming ? null : response.body?.getReader();
  if (reader) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let cut = buffer.indexOf('\n\n');
          while (cut >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            cut = buffer.indexOf('\n\n');
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: ?(.*)$/m.exec(block)?.[1];
            if (event === 'next' && data) {
              messages.push(JSON.parse(data) as SseResult);
              for (const w of [...waiters]) w();
            } else if (event === 'complete') {
              finish();
            }
          }
        }
      } catch {
        // Cancelled by close().
      }
      finish();
    })();
  } else if (!streaming) {
    // A refusal before any stream: its one result.
    messages.push((await response.json()) as SseResult);
    finish();
  }
  return {
    status: response.status,
    messages,
    response,
    completed,
    message(i, timeoutMs = 30_000) {
      if (messages[i]) return Promise.resolve(messages[i]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no message #${i} within ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        const waiter = () => {
          if (messages[i]) {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(messages[i]);
          } else if (ended) {
            clearTimeout(timer);
            waiters.delete(waiter);
            reject(new Error(`the stream ended before message #${i}; got ${JSON.stringify(messages)}`));
          }
        };
        waiters.add(waiter);
      });
    },
    async close() {
      if (reader) await reader.cancel().catch(() => undefined);
      else await response.body?.cancel().catch(() => undefined);
      finish();
    },
  };
}
