// dist/painfit.cjs: loads the bundle (dist/main.cjs, saved as a wrapped module function) through
// V8's code cache. Why it exists: scripts/README.md.
//
// The cache (dist/main.cache) is one JSON header line, then V8's data. It is used only when the
// header names this Node (version, V8, architecture) and this exact bundle: its SHA-256, remembered
// together with the file's size, change time and inode so that the hash is computed only when the
// file may have changed (hashing costs more than the cache saves on a normal start). V8's own check
// looks at the source's length only, so without this a same-length change would run old code.
// Whenever the cache is missing, stale or rejected, it is rebuilt at exit, if the folder is
// writable; nothing else (no environment variable) decides it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, 'main.cjs');
const cacheFile = path.join(__dirname, 'main.cache');

const fd = fs.openSync(file, 'r');
const stat = fs.fstatSync(fd, { bigint: true });
const bytes = fs.readFileSync(fd);
fs.closeSync(fd);
const source = bytes.toString('utf8');
const statKey = `${stat.size}:${stat.ctimeNs}:${stat.ino}:${stat.dev}`;
const runtime = `${process.version}|${process.versions.v8}|${process.arch}`;

let sha256;
const hashOfSource = () => (sha256 ??= require('node:crypto').createHash('sha256').update(bytes).digest('hex'));

let header;
let cachedData;
try {
  const cache = fs.readFileSync(cacheFile);
  const end = cache.indexOf(10);
  header = JSON.parse(cache.subarray(0, end).toString('utf8'));
  cachedData = cache.subarray(end + 1);
} catch {
  header = undefined;
}
const fits = header !== undefined && header.runtime === runtime && (header.stat === statKey || header.sha256 === hashOfSource());

const script = new vm.Script(source, {
  filename: file,
  cachedData: fits ? cachedData : undefined,
  // Without this, import() inside the bundle throws ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING.
  importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ?? ((specifier) => import(specifier)),
});
const stale = !fits || script.cachedDataRejected === true;
if (stale || header.stat !== statKey) {
  process.once('exit', () => {
    try {
      fs.accessSync(__dirname, fs.constants.W_OK);
      const data = stale ? script.createCachedData() : cachedData;
      const head = Buffer.from(`${JSON.stringify({ runtime, sha256: hashOfSource(), stat: statKey })}\n`);
      const temp = `${cacheFile}.${process.pid}.${Date.now()}.tmp`;
      fs.writeFileSync(temp, Buffer.concat([head, data]), { flag: 'wx', mode: 0o644 });
      fs.renameSync(temp, cacheFile);
    } catch {
      // A read-only install: painfit starts a little slower, nothing else changes.
    }
  });
}

const mod = new Module(file, module);
mod.filename = file;
mod.paths = Module._nodeModulePaths(__dirname);
const wrapper = script.runInThisContext();
wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, __dirname);
