/**
 * The directory served by the REST contract of the SDK's `rest` source (packages/core/rest-openapi.json):
 * `GET /services` and `GET /services/{id}`.
 */
import { readRestSearchParams, resolveCommune } from '@relais/core/headless';
import type { Route } from '../http/types.js';
import { sendJson, sendProblem } from '../http/respond.js';
import { getService, searchDirectory } from './search.js';

/** The routes of the directory. */
export const directoryRoutes: Route[] = [
  {
    method: 'GET',
    path: '/services',
    async handle(_req, res, { db, url }) {
      const { query, errors } = readRestSearchParams(url.searchParams);
      if (errors.length) return sendProblem(res, 400, 'Paramètres invalides', 'Certains paramètres de recherche sont invalides.', { 'invalid-params': errors });
      let place = null;
      if (query.commune) {
        place = (await resolveCommune(query.commune)) ?? null;
        if (!place) return sendProblem(res, 422, 'Commune inconnue', `Aucune commune n’a le code INSEE ${query.commune}.`);
      }
      sendJson(res, 200, await searchDirectory(db, query, place), { 'cache-control': 'no-store' });
    },
  },
  {
    method: 'GET',
    path: '/services/:id',
    async handle(_req, res, { db, params }) {
      const item = await getService(db, params.id!);
      if (!item) return sendProblem(res, 404, 'Service introuvable', 'Ce service n’existe pas ou plus.');
      sendJson(res, 200, item, { 'cache-control': 'no-store' });
    },
  },
];
