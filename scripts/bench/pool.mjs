// Runs `fn` over `items` with at most `limit` calls in flight. Engines queue work internally; past a dozen or
// so parallel requests per engine throughput stops growing and only latency does.
export async function pool(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
