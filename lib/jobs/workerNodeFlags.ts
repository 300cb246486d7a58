/**
 * Node flags of every worker process (`npm start`, `npm run worker`) and of the ingest bench, which measures
 * what a worker does. A first sync allocates ~20 KB of short-lived objects per change; with V8's default 16 MB
 * semi-spaces a 1,000-row batch outlives two scavenges and is copied into the old generation, which then needs
 * full collections. 64 MB semi-spaces let it die young: measured, the ingest's own CPU per change fell by
 * 10-25% (`npm run bench -- ingest`), for up to ~200 MB more young-generation memory per worker.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=64"];
