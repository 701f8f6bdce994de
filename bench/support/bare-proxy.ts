import { buildTalentSearch, toTalentHit, type TalentDocumentHit, type TalentQuery } from '@app/discovery';
import type { Meilisearch } from 'meilisearch';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BareProxy {
  port: number;
  close(): Promise<void>;
}

/**
 * A calibration point, not a product: the same talent search with none of the API around it (no
 * framework, authentication, validation, verification check or audit write). It parses the query,
 * makes the same engine call through the product's client and answers the same hits, so the time
 * it adds to the engine's is what any HTTP service in front of Meilisearch pays on this machine.
 */
export async function startBareProxy(client: Meilisearch, uid: string): Promise<BareProxy> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const query = JSON.parse(Buffer.concat(chunks).toString('utf8')) as TalentQuery;
      const request = buildTalentSearch(query, new Date());
      client
        .index<TalentDocumentHit>(uid)
        .search(request.q, request)
        .then((response) => {
          const language = query.language ?? 'en';
          const body = JSON.stringify({
            items: response.hits.map((hit) => toTalentHit(hit, new Set(), language)),
            total: response.totalHits,
            limit: query.limit,
            offset: query.offset,
            facets: response.facetDistribution ?? {},
          });
          res.writeHead(200, { 'content-type': 'application/json' }).end(body);
        })
        .catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
