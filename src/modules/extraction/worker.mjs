// The extraction worker's entry: Parley runs TypeScript through tsx, which a worker thread
// must register for itself before it imports the worker's module.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
