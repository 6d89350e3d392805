// dist/painfit.cjs: loads the bundle (dist/main.cjs, saved as a wrapped module function) through
// V8's code cache. Why it exists: scripts/README.md.
//
// The cache (dist/main.cache) is one JSON header line, then V8's data. It is used only when the
// header names this Node (version, V8, architecture) and this exact bundle: its SHA-256, remembered
// together with the file's size, change time and inode so that the hash is computed only when the
// file may have changed (hashing costs more than the cache saves on a normal start). V8's own check
// looks at the source's length only, so without this a same-length change would run old code.
// Whenever the cache is missing, stale or rejected, it is rebuilt at exit, if the folder is
// writable; nothing else (no environment variable) decides it. It is also rebuilt, once, after the
// first run of each command (the header lists the commands it has seen): V8 keeps only the code
// that was compiled, so a cache made by `today` alone leaves `report` to compile its own code on
// every start. The build runs the main commands once each, so an install starts with all of them.
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
// The command's name (the first plain word: option values such as paths and dates are not one).
// Only which code the cache holds depends on it, never what the command does.
const command = process.argv.slice(2).find((a) => /^[a-z][a-z-]*$/.test(a)) ?? '';
const trained = !stale && Array.isArray(header.trained) ? header.trained.filter((c) => typeof c === 'string') : [];
const untrained = !trained.includes(command);
if (stale || untrained || header.stat !== statKey) {
  process.once('exit', () => {
    try {
      fs.accessSync(__dirname, fs.constants.W_OK);
      const data = stale || untrained ? script.createCachedData() : cachedData;
      const seen = untrained ? [...trained, command] : trained;
      const head = Buffer.from(`${JSON.stringify({ runtime, sha256: hashOfSource(), stat: statKey, trained: seen })}\n`);
      const temp = `${cacheFile}.${process.pid}.${Date.now()}.tmp`;
      fs.writeFileSync(temp, Buffer.concat([head, data]), { flag: 'wx', mode: 0o644 });
      fs.chmodSync(temp, 0o644); // compiled code, not data: readable by every user of the install, whatever painfit's umask
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
