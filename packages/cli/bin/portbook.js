#!/usr/bin/env node
// The `portbook` command. Plain JavaScript so that Node compiles no TypeScript before the
// module compile cache is on: with it on, every module's stripped and compiled code is read
// back from disk, and Node's TypeScript stripper (a WebAssembly build of swc) is never loaded.
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('../src/main.ts');
