export { type Context, createContext } from './context.ts';
export { executeOnSnapshot } from './in-process.ts';
export { type RunningServer, type StartServerOptions, startServer } from './server.ts';
export { type ApiOptions, createApi, type PortbookYoga } from './yoga.ts';
