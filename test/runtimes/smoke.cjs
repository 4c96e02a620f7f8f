// CommonJS entry for Node: node smoke.cjs <baseUrl> <name> <path-to-dist/index.cjs>
const path = require('node:path');
const [baseUrl, name, entry] = process.argv.slice(2);
const faultline = require(path.resolve(__dirname, entry));
import('./smoke-core.mjs')
  .then(({ smoke }) => smoke(faultline, baseUrl, name))
  .then((result) => console.log(JSON.stringify({ runtime: name, ok: true, ...result })))
  .catch((error) => {
    console.log(JSON.stringify({ runtime: name, ok: false, error: String(error && error.stack ? error.stack : error) }));
    process.exit(1);
  });
