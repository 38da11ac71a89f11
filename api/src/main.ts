import { apiEnv } from './env.ts';
import { startServer } from './server.ts';

const server = await startServer({ port: apiEnv().port });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
