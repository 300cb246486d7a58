/**
 * Node flags of every worker process (`npm start`, `npm run worker`) and of the ingest bench, which measures
 * what a worker does. A first sync allocates ~20 KB of short-lived objects per change; with V8's default 16 MB
 * semi-spaces a 1,000-row batch outlives two scavenges and is copied into the old generation, which then needs
 * full collections. 64 MB semi-spaces let it die young: measured end to end, the ingest's own CPU per change
 * fell from 43-45 to 36-37 µs in one set of runs and from 39-45 to 28-30 µs in another, for up to ~200 MB more
 * young-generation memory per worker.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=64"];
