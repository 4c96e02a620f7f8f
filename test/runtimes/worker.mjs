// Cloudflare Workers entry, bundled with esbuild and run in workerd by miniflare.
import * as faultline from '../../dist/index.js';
import { smoke } from './smoke-core.mjs';

export default {
  async fetch(request) {
    const baseUrl = new URL(request.url).searchParams.get('base');
    try {
      const result = await smoke(faultline, baseUrl, 'workerd');
      return Response.json({ runtime: 'workerd', ok: true, ...result });
    } catch (error) {
      return Response.json({ runtime: 'workerd', ok: false, error: String(error?.stack ?? error) });
    }
  },
};
