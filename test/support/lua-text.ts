// The test configs' stand-in for tsup's `loader: { '.lua': 'text' }`: a `.lua` import is the file's text,
// so tests run the Redis scripts from src/adapters/redis/*.lua exactly as the build inlines them.
import type { Plugin } from 'vite';

/** A vite plugin: `import source from './x.lua'` gives the file's text. */
export function luaText(): Plugin {
  return {
    name: 'faultline-lua-text',
    transform(code, id) {
      return id.endsWith('.lua') ? { code: `export default ${JSON.stringify(code)};`, map: null } : undefined;
    },
  };
}
