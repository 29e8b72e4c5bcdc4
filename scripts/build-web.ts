// Builds the explorer (web/ → web/dist) with Vite when its sources changed; `npm start` runs it first.
import { ConfigError, loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { ensureWebBuilt, WebBuildError } from '../src/web/build.ts';

let explorer = true;
try {
  explorer = loadConfig().explorer;
} catch (err) {
  // A bad configuration is reported by the server itself, one line per variable.
  if (!(err instanceof ConfigError)) throw err;
}

if (explorer) {
  try {
    const outcome = await ensureWebBuilt({ logger: createLogger({ logLevel: 'info' }) });
    if (outcome === 'fresh') process.stdout.write('explorer: web/dist is up to date\n');
  } catch (err) {
    if (err instanceof WebBuildError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
