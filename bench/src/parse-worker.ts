import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseSource } from '@portbook/core';

// A fresh thread knows no earlier release: the parse a weekly sync pays for its one new file.
const path = workerData as string;
parentPort?.postMessage(parseSource(new Uint8Array(readFileSync(path)), path));
