import { run } from './main.ts';

await run();
// Like actions/cache: an HTTP request abandoned past its deadline (a stalled artifact service has
// no timeout of its own) would keep node, and the job, alive. Everything that matters is done.
process.exit();
