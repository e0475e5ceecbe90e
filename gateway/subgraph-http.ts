import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * How the gateway calls subgraphs: one POST on Node's own HTTP client over keep-alive agents (one
 * for http, one for https subgraph URLs). It replaced node-fetch (which had replaced Apollo's
 * default make-fetch-happen, ≈ 0.5 ms more per fetch): a fetch's Request, Response, Headers and
 * body stream objects were ≈ 15% of the gateway's busy CPU on a one-subgraph page (decision record
 * "The gateway calls subgraphs on Node's HTTP client"). Subgraphs keep idle sockets 65 s
 * (platform/http.ts); the agents drop them after 30 s, first.
 */
const subgraphAgents = {
  http: new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 30_000 }),
  https: new HttpsAgent({ keepAlive: true, scheduling: 'lifo', timeout: 30_000 }),
};
export const subgraphAgentFor = (url: URL): Agent => (url.protocol === 'https:' ? subgraphAgents.https : subgraphAgents.http);

/** The part of a fetch Response that Apollo's data source and this gateway read: status, headers, the body once. */
export class SubgraphResponse {
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  private read = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    rawHeaders: IncomingHttpHeaders,
    private readonly body: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = {
      get: (name: string) => {
        const value = rawHeaders[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    };
  }

  get bodyUsed(): boolean {
    return this.read;
  }

  async text(): Promise<string> {
    if (this.read) throw new TypeError('Body has already been used');
    this.read = true;
    return this.body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
}

/** Parsed subgraph URLs: a gateway calls the same few. */
const parsedUrls = new Map<string, URL>();
const urlOf = (url: string): URL => {
  let parsed = parsedUrls.get(url);
  if (!parsed) {
    if (parsedUrls.size > 1_000) parsedUrls.clear();
    parsedUrls.set(url, (parsed = new URL(url)));
  }
  return parsed;
};

/**
 * POSTs `body` to a subgraph. Resolves with the whole answer whatever its status; rejects when no
 * answer came (refused, reset, aborted by `signal`: its socket is closed). `agent`: the connections
 * to use (default the gateway's keep-alive agents; the benches bound theirs).
 */
export function postToSubgraph(url: string, headers: Record<string, string>, body: string, signal?: AbortSignal, agent?: Agent): Promise<SubgraphResponse> {
  return new Promise((resolve, reject) => {
    const target = urlOf(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const payload = Buffer.from(body, 'utf8');
    const req = send(
      target,
      { method: 'POST', agent: agent ?? subgraphAgentFor(target), headers: { ...headers, 'content-length': String(payload.length) }, signal },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => resolve(new SubgraphResponse(url, res.statusCode ?? 0, res.statusMessage ?? '', res.headers, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size))));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
