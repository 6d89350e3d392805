// dist/painfit.cjs: loads the bundle (dist/main.cjs, saved as a wrapped module function)
// through V8's code cache.
// Node 20 has no module.enableCompileCache, so painfit keeps its own: the build writes
// dist/main.cache from a training run, and each start skips most parsing and compiling.
// A cache from another Node/V8 version is rejected by V8 and simply ignored.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, 'main.cjs');
const cacheFile = path.join(__dirname, 'main.cache');
const source = fs.readFileSync(file, 'utf8');
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(source, { filename: file, cachedData });
if (process.env.PAINFIT_WRITE_CODE_CACHE === '1') {
  process.once('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
}
const mod = new Module(file, module);
mod.filename = file;
mod.paths = Module._nodeModulePaths(__dirname);
const wrapper = script.runInThisContext();
wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, __dirname);
