// Preloaded with `node --require` in the benchmark's memory pass: records the peak RSS at exit.
'use strict';
process.on('exit', () => {
  const file = process.env.PAINFIT_BENCH_RSS_FILE;
  if (file) require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
});
