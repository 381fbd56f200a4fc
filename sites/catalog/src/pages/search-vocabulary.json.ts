/**
 * The catalog's search vocabulary, as the API reads queries with it (@ocop/domain's
 * SearchVocabulary as JSON): the search page loads it to correct typos, decode Telex and VNI and
 * split words typed together before asking Pagefind, with no request to the API.
 */
import type { APIRoute } from 'astro';
import { loadSearchVocabulary } from '../lib/api';

export const GET: APIRoute = async () =>
  new Response(await loadSearchVocabulary(), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
