// Preloaded by the benchmark into `gongwen build`: reports the process's peak RSS (all threads) at exit.
process.on('exit', () => {
  process.stderr.write(`peak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
