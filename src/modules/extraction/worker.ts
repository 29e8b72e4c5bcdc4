import { parentPort } from 'node:worker_threads';
import { buildGazetteer, type Gazetteer, type GraphActor } from './actors/gazetteer.ts';
import { checkDraft } from './checks.ts';
import { defaultLexicons } from './lexicons.ts';
import { rulesEngine } from './rules/engine.ts';
import type { Draft, ExtractionInput, Language } from './types.ts';

/**
 * The extraction worker (pool.ts): runs the engine off the API's event loop, so that a long
 * text delays no other request and a run past its time can be stopped. It keeps the gazetteer
 * it was last given, under the graph fingerprint it was built for.
 */
export interface WorkerRequest {
  id: number;
  fingerprint: string;
  actors?: GraphActor[];
  input: ExtractionInput & { language: Language };
}

export type WorkerReply =
  | { id: number; ok: true; draft: Draft }
  | { id: number; ok: false; needActors: true }
  | { id: number; ok: false; error: string };

let current: { fingerprint: string; gazetteer: Gazetteer } | undefined;

parentPort?.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    if (req.actors)
      current = { fingerprint: req.fingerprint, gazetteer: buildGazetteer(req.actors, defaultLexicons()) };
    if (!current || current.fingerprint !== req.fingerprint) {
      reply = { id: req.id, ok: false, needActors: true };
    } else {
      const draft = rulesEngine.extract(req.input, {
        gazetteer: current.gazetteer,
        lexicons: defaultLexicons(),
      });
      checkDraft(draft, req.input.text);
      reply = { id: req.id, ok: true, draft };
    }
  } catch (error) {
    reply = { id: req.id, ok: false, error: (error as Error).stack ?? String(error) };
  }
  parentPort?.postMessage(reply);
});
