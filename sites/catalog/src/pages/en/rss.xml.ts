import type { APIRoute } from 'astro';
import { newlyCertifiedFeed } from '../../lib/feed';

export const GET: APIRoute = () => newlyCertifiedFeed('en');
