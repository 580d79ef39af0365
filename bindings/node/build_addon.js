'use strict';
// npm's install step for this package (package.json "install"): node-gyp builds replylint.node
// from binding.gyp.
//
// node-gyp downloads Node's headers from nodejs.org unless it is told where they are. NodeSource's
// nodejs, and Debian's nodejs with libnode-dev, install them under the node binary's prefix
// (PREFIX/include/node/node_api.h): node-gyp is pointed there, so the build needs no network.
// `npm install --nodedir=DIR` (npm_config_nodedir) overrides.
const {spawnSync} = require('child_process');
const fs = require('fs');
const path = require('path');

const args = ['rebuild'];
const prefix = path.resolve(path.dirname(process.execPath), '..');
if (!process.env.npm_config_nodedir && fs.existsSync(path.join(prefix, 'include', 'node', 'node_api.h')))
  args.push(`--nodedir=${prefix}`);
// npm names its own node-gyp in npm_config_node_gyp; outside npm, node-gyp from PATH (Debian: node-gyp).
const npmGyp = process.env.npm_config_node_gyp;
const run = npmGyp ? spawnSync(process.execPath, [npmGyp, ...args], {stdio: 'inherit'})
                   : spawnSync('node-gyp', args, {stdio: 'inherit'});
if (run.error) {
  console.error(`replylint: cannot run node-gyp: ${run.error.message}`);
  process.exit(1);
}
process.exit(run.status === null ? 1 : run.status);
