// `npm start`: build once if there is no build yet, then serve. Several instances can share one build.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const next = 'node_modules/.bin/next';
if (!existsSync('.next/BUILD_ID')) {
  const build = spawnSync(next, ['build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(next, ['start', '-p', process.env.PORT || '3000'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
