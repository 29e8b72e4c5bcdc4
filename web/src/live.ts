// Live updates: the API's `graphChanged` subscription over server-sent events (EventSource, to
// the page's own origin). A page refetches what a change touches; it never patches in place.

import { ENDPOINT } from './api.ts';

export interface GraphChange {
  kind: string;
  articleId: string | null;
  actorIds: string[];
  truncated: boolean;
  version: number;
}

const QUERY = 'subscription ExplorerLive { graphChanged { kind articleId actorIds truncated version } }';
/** A burst of writes (a bulk ingest elsewhere) causes one refetch, not one per write. */
const SETTLE_MS = 300;
/** After the server ended the stream (Redis lost, a restart), try again after this long. */
const RETRY_MS = 5_000;

/**
 * Calls `refresh` (once per burst) whenever a change for which `touches` holds arrives, until
 * `signal` aborts (the page is left). `document.body.dataset.live` is "on" while subscribed.
 */
export function onGraphChange(
  signal: AbortSignal,
  touches: (change: GraphChange) => boolean,
  refresh: () => void | Promise<void>,
): void {
  if (typeof EventSource === 'undefined' || signal.aborted) return;
  const url = `${ENDPOINT}?query=${encodeURIComponent(QUERY)}`;
  let source: EventSource | undefined;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const open = () => {
    source = new EventSource(url);
    source.addEventListener('open', () => {
      document.body.dataset.live = 'on';
    });
    source.addEventListener('next', (e) => {
      let change: GraphChange | undefined;
      try {
        change = (JSON.parse((e as MessageEvent<string>).data) as { data?: { graphChanged?: GraphChange } })
          .data?.graphChanged;
      } catch {
        return;
      }
      if (!change || !touches(change)) return;
      clearTimeout(settle);
      settle = setTimeout(() => {
        if (!signal.aborted) void refresh();
      }, SETTLE_MS);
    });
    // The server ends a stream with an error message then `complete` (LIVE_UNAVAILABLE,
    // SERVER_SHUTTING_DOWN …); EventSource would reconnect at once, so wait a little instead.
    source.addEventListener('complete', () => {
      source?.close();
      document.body.dataset.live = 'off';
      retry = setTimeout(() => {
        if (!signal.aborted) open();
      }, RETRY_MS);
    });
    source.addEventListener('error', () => {
      document.body.dataset.live = 'off';
    });
  };
  open();
  signal.addEventListener('abort', () => {
    source?.close();
    clearTimeout(settle);
    clearTimeout(retry);
    delete document.body.dataset.live;
  });
}
