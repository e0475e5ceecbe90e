import { VIEWER_HEADER, ViewerSigner, type Viewer } from '../../../platform/auth.js';
import { ServiceUnavailableError } from '../../../platform/errors.js';

/** Whose records the FRIENDS scope ranks: the players the viewer is FRIEND with, as the users subgraph says now. */
export interface FriendsPort {
  /** The first `limit` of the viewer's friends' ids in their friends list's order (most recent friendship first). */
  friendsOf(viewer: Viewer, limit: number): Promise<string[]>;
}

const FRIENDS = `query($reps: [_Any!]!, $after: String) {
  _entities(representations: $reps) { ... on User { friends(state: FRIEND, first: 100, after: $after) { edges { node { user { id } } } pageInfo { hasNextPage endCursor } } } }
}`;

type FriendsPage = { _entities: ({ friends: { edges: { node: { user: { id: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null)[] };

/**
 * The users subgraph owns friendships and publishes no friendship events; its friends list is
 * private to its owner. So the FRIENDS scope asks users over its GraphQL API as the viewer
 * themself (the viewer header signed with the internal secret, as the gateway signs it): users
 * applies its own rule, and this subgraph never reads its tables.
 */
export class HttpFriendsClient implements FriendsPort {
  private readonly signer: ViewerSigner;

  constructor(private readonly options: { url: string; internalSecret: string; timeoutMs: number }) {
    this.signer = new ViewerSigner(options.internalSecret);
  }

  async friendsOf(viewer: Viewer, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    const header = await this.signer.sign(viewer);
    while (ids.length < limit) {
      const data: FriendsPage = await this.call(header, { reps: [{ __typename: 'User', id: viewer.userId }], after });
      const friends = data._entities[0]?.friends;
      if (!friends) break;
      ids.push(...friends.edges.map((e) => e.node.user.id));
      if (!friends.pageInfo.hasNextPage || !friends.pageInfo.endCursor) break;
      after = friends.pageInfo.endCursor;
    }
    return ids.slice(0, limit);
  }

  private async call(header: string, variables: Record<string, unknown>): Promise<FriendsPage> {
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [VIEWER_HEADER]: header },
        body: JSON.stringify({ query: FRIENDS, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const body = (await response.json()) as { data?: FriendsPage | null; errors?: unknown[] };
      if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    } catch {
      throw new ServiceUnavailableError('users');
    }
  }
}
