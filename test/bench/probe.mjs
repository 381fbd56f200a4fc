// The starvation run's probes, in a process of their own so that what they time is the server,
// not the event loop of the benchmark process that drives the load beside them: a buyer's product
// query and /healthz on the API, and the same /healthz request to a bare Node server (another
// process, baseline-server.mjs) that does nothing else, so the machine's own floor is measured
// under the same load.
// Usage: node probe.mjs <api url> <seconds> <slugs file> <bare server url>; prints one JSON line
// when done: { product: { times, failed }, health: { times, failed }, bare: { times, failed } }.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

const [apiUrl, seconds, slugsFile, bareUrl] = process.argv.slice(2);
const slugs = JSON.parse(readFileSync(slugsFile, 'utf8'));
const until = performance.now() + Number(seconds) * 1000;
const PRODUCT = 'query($slug: String!) { product(slug: $slug) { slug name stars producer { name phone } } }';

/** One request on the given keep-alive agent; resolves true on a 200 with no GraphQL errors. */
function ask(agent, path, body, base = apiUrl) {
  return new Promise((resolve) => {
    const url = new URL(path, base);
    const req = request(
      url,
      {
        agent,
        method: body ? 'POST' : 'GET',
        headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {},
        timeout: 10_000,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve(res.statusCode === 200 && !(body && JSON.parse(text).errors));
        });
        res.on('error', () => resolve(false));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
    req.end(body);
  });
}

async function probe(every, next) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const times = [];
  let failed = 0;
  // One request first, untimed: it opens the connection and warms this process's own code.
  await next(agent);
  while (performance.now() < until) {
    const started = performance.now();
    const ok = await next(agent);
    times.push(performance.now() - started);
    if (!ok) failed++;
    await new Promise((r) => setTimeout(r, Math.max(0, every - (performance.now() - started))));
  }
  agent.destroy();
  return { times, failed };
}

let i = 0;
const [product, health, bare] = await Promise.all([
  probe(200, (agent) => {
    i += 37;
    return ask(agent, apiUrl, JSON.stringify({ query: PRODUCT, variables: { slug: slugs[i % slugs.length] } }));
  }),
  probe(100, (agent) => ask(agent, '/healthz')),
  probe(100, (agent) => ask(agent, '/healthz', undefined, bareUrl)),
]);
process.stdout.write(`${JSON.stringify({ product, health, bare })}\n`);
