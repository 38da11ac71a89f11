#!/usr/bin/env node
// The `portbook` command. Plain JavaScript so that Node compiles no TypeScript before the
// module compile cache is on: with it on, every module's stripped and compiled code is read
// back from disk, and Node's TypeScript stripper (a WebAssembly build of swc) is never loaded.
import module from 'node:module';

// An older Node would fail on the first TypeScript module with an error about something else.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `error [NODE_TOO_OLD]: portbook needs Node.js 22.12 or later, and this is ${process.version}: ` +
      'run it through ./dev, which installs one into .tools/\n',
  );
  process.exit(1);
}
module.enableCompileCache();
if (process.argv[2] === 'start') {
  // The server runs with V8 flags Node takes only on its command line, and malloc settings glibc
  // reads only at start-up (see server-flags.ts).
  const { serverEnv, serverRelaunchArgs } = await import('../src/server-flags.ts');
  const args = serverRelaunchArgs(process.execPath, process.execArgv, process.argv);
  if (args) process.execve(process.execPath, args, serverEnv(process.env));
}
await import('../src/main.ts');
