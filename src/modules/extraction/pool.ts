import { Worker } from 'node:worker_threads';
import { ErrorCode, ParleyError } from '../../errors.ts';
import type { GraphActor } from './actors/gazetteer.ts';
import type { Draft, ExtractionInput, Language } from './types.ts';
import type { WorkerReply, WorkerRequest } from './worker.ts';

export interface PoolOptions {
  /** A run that takes longer is stopped (its worker is replaced) and answers EXTRACTION_TIMEOUT. */
  timeoutMs: number;
  /** Runs waiting beyond this many answer EXTRACTION_BUSY at once. */
  queue: number;
}

interface Job {
  input: ExtractionInput & { language: Language };
  fingerprint: string;
  actors: () => Promise<GraphActor[]>;
  resolve: (d: Draft) => void;
  reject: (e: Error) => void;
}

const IDLE_MS = 60_000;

/**
 * One worker thread that runs extractions one at a time (extraction is CPU work; two cores
 * serve the API too). The worker starts on the first run, stops after a minute idle, and is
 * replaced after a timeout or a crash. It never keeps the process alive.
 */
export class ExtractionPool {
  private worker: Worker | undefined;
  private readonly waiting: Job[] = [];
  private running: Job | undefined;
  private nextId = 1;
  private idle: NodeJS.Timeout | undefined;

  constructor(private readonly options: PoolOptions) {}

  run(job: Omit<Job, 'resolve' | 'reject'>): Promise<Draft> {
    if (this.running && this.waiting.length >= this.options.queue) {
      return Promise.reject(
        new ParleyError(ErrorCode.EXTRACTION_BUSY, 'Too many extractions are waiting; try again shortly.', {
          http: { status: 503, headers: { 'Retry-After': '5' } },
        }),
      );
    }
    return new Promise<Draft>((resolve, reject) => {
      this.waiting.push({ ...job, resolve, reject });
      this.pump();
    });
  }

  /** Stops the worker; a run on it fails at once rather than at its timeout. */
  close(): Promise<number> | undefined {
    clearTimeout(this.idle);
    const w = this.worker;
    this.worker = undefined;
    if (w && this.running) this.settleRunning?.(new Error('the extraction pool was closed'));
    return w?.terminate();
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./worker.mjs', import.meta.url));
    w.unref();
    w.on('error', (error) => this.fail(w, error));
    // Any exit the pool did not ask for (it forgets a worker before it stops one) fails the run.
    w.on('exit', (code) => this.fail(w, new Error(`the extraction worker exited with code ${code}`)));
    return w;
  }

  private fail(w: Worker, error: Error) {
    if (this.worker !== w) return;
    this.worker = undefined;
    this.settleRunning?.(error);
  }

  /** Ends the running job once: its timer, its listener, the pool's state, then the next job. */
  private settleRunning: ((outcome: Error | Draft) => void) | undefined;

  private pump() {
    if (this.running || this.waiting.length === 0) return;
    clearTimeout(this.idle);
    const job = this.waiting.shift()!;
    this.running = job;
    this.worker ??= this.spawn();
    const w = this.worker;
    const id = this.nextId++;
    let sentActors = false;
    let settled = false;
    const settle = (outcome: Error | Draft) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      w.removeListener('message', onMessage);
      if (this.running === job) {
        this.running = undefined;
        this.settleRunning = undefined;
      }
      if (outcome instanceof Error) job.reject(outcome);
      else job.resolve(outcome);
      if (this.worker === w) {
        clearTimeout(this.idle);
        this.idle = setTimeout(() => void this.close(), IDLE_MS);
        this.idle.unref();
      }
      this.pump();
    };
    this.settleRunning = settle;
    const timer = setTimeout(() => {
      // The worker is busy past its time: it is replaced, not waited for.
      if (this.worker === w) this.worker = undefined;
      void w.terminate();
      settle(
        new ParleyError(
          ErrorCode.EXTRACTION_TIMEOUT,
          `The extraction took longer than ${this.options.timeoutMs} ms and was stopped; send a shorter text.`,
        ),
      );
    }, this.options.timeoutMs);
    timer.unref();
    const send = (actors?: GraphActor[]) => {
      if (settled) return;
      const req: WorkerRequest = {
        id,
        fingerprint: job.fingerprint,
        input: job.input,
        ...(actors ? { actors } : {}),
      };
      w.postMessage(req);
    };
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== id) return;
      if (reply.ok) settle(reply.draft);
      else if ('needActors' in reply && !sentActors) {
        sentActors = true;
        job.actors().then(send, (error: Error) => settle(error));
      } else {
        settle(
          new Error(`extraction failed in the worker: ${'error' in reply ? reply.error : 'no gazetteer'}`),
        );
      }
    };
    w.on('message', onMessage);
    send();
  }
}
