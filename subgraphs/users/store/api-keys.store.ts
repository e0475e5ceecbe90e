import type { PrismaClient } from '../../../platform/db/index.js';
import type { ApiKey } from '../../../generated/prisma/client.js';
import { isUuid } from '../../../platform/ids.js';

/** An API key row as resolvers receive it (the GraphQL `ApiKey` mapper). */
export type ApiKeyRow = ApiKey;

export class ApiKeysStore {
  constructor(private readonly prisma: PrismaClient) {}

  create(data: { name: string; secretHash: string; scopes: string[] }): Promise<ApiKeyRow> {
    return this.prisma.apiKey.create({ data });
  }

  findBySecretHash(secretHash: string): Promise<ApiKeyRow | null> {
    return this.prisma.apiKey.findUnique({ where: { secretHash } });
  }

  findById(id: string): Promise<ApiKeyRow | null> {
    return isUuid(id) ? this.prisma.apiKey.findUnique({ where: { id } }) : Promise.resolve(null);
  }

  list(): Promise<ApiKeyRow[]> {
    return this.prisma.apiKey.findMany({ orderBy: { createdAt: 'desc' } });
  }

  /** Stamps revokedAt once (a second revoke keeps the first time); null when there is no such key. */
  async revoke(id: string, now: Date): Promise<ApiKeyRow | null> {
    if (!isUuid(id)) return null;
    await this.prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    return this.prisma.apiKey.findUnique({ where: { id } });
  }
}
