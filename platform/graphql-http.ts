import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from 'pino';

/**
 * Apollo Server's integration contract (`executeHTTPGraphQLRequest`) on Node's own request and
 * response: what `express.json()` + `@as-integrations/express5` did, without Express's router,
 * body-parser and content negotiation on every request (≈ 10% of a subgraph's busy CPU on the
 * chat history page; decision record "GraphQL over Node's HTTP server"). The body rules are
 * body-parser's JSON ones: `application/json` bodies are parsed (gzip, deflate or br inflated),
 * utf-8 only, an object or an array at the top, at most `maxBodyBytes` (413 PAYLOAD_TOO_LARGE);
 * a client mistake is a 4xx JSON answer with a code, never an HTML page.
 */
export function graphqlHttpHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  options: { context: (req: IncomingMessage) => Promise<TContext>; maxBodyBytes: number; logger: Logger },
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void serve(apollo, options, req, res).catch((error: unknown) => {
      options.logger.error({ err: error }, 'request failed outside GraphQL');
      if (res.headersSent) res.destroy();
      else sendHttpError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    });
  };
}

async function serve<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  options: { context: (req: IncomingMessage) => Promise<TContext>; maxBodyBytes: number },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await bodyOf(req, options.maxBodyBytes);
  if (body instanceof BodyError) return sendHttpError(res, body.status, body.code, body.message);
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '';
  const query = url.indexOf('?');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: query < 0 ? '' : url.slice(query), body },
    context: () => options.context(req),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    const text = Buffer.from(response.body.string, 'utf8');
    res.setHeader('content-length', text.length);
    res.end(req.method === 'HEAD' ? undefined : text);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

class BodyError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
  ) {}
}

const tooLarge = () => new BodyError(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than this server accepts.');
const unreadable = (why: string) => new BodyError(400, 'BAD_REQUEST', `The request could not be read: ${why}.`);

/** The parsed JSON body, undefined when the request has none to parse (GET, another content type), or why it cannot be read. */
async function bodyOf(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = req.headers['content-type'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;
  if (!hasBody || !type || !/^application\/json\s*(;|$)/i.test(type)) {
    req.resume();
    return undefined;
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    req.resume();
    return new BodyError(415, 'BAD_REQUEST', `The request could not be read: unsupported charset "${charset.toUpperCase()}".`);
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  const declared = Number(req.headers['content-length']);
  if (encoding === 'identity' && declared > maxBytes) {
    req.resume();
    return tooLarge();
  }
  const inflate = encoding === 'gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : undefined;
  if (!inflate && encoding !== 'identity') {
    req.resume();
    return new BodyError(415, 'BAD_REQUEST', `The request could not be read: unsupported content encoding "${encoding}".`);
  }
  let raw: Buffer | 'too large';
  try {
    raw = await readAtMost(inflate ? req.pipe(inflate) : req, maxBytes, req);
  } catch (error) {
    return unreadable((error as Error).message);
  }
  if (raw === 'too large') return tooLarge();
  const text = raw.toString('utf8');
  const first = /\S/.exec(text)?.[0];
  if (first === undefined) return {};
  if (first !== '{' && first !== '[') return unreadable('the body must be a JSON object or array');
  try {
    return JSON.parse(text);
  } catch (error) {
    return unreadable((error as Error).message);
  }
}

/**
 * A request body of at most `maxBytes` (read from `stream`: the request, or what inflates it), or
 * 'too large' as soon as it passes them (the rest of the request is drained). Rejects when the
 * request or the stream fails (an aborted upload, a corrupt gzip).
 */
export function readAtMost(stream: Readable, maxBytes: number, req: IncomingMessage = stream as IncomingMessage): Promise<Buffer | 'too large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (result: Buffer | 'too large') => {
      stream.removeAllListeners('data');
      resolve(result);
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        done('too large');
        req.resume();
        if (stream !== req) stream.destroy();
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => done(Buffer.concat(chunks, size)));
    stream.on('error', reject);
    if (stream !== req) req.on('error', reject);
  });
}

/** A JSON answer with its length. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers }).end(text);
}

/** A request refused outside GraphQL, as a GraphQL response: JSON with a code in extensions. */
export function sendHttpError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}
