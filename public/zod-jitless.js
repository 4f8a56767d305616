// Runs before the app's modules (a classic script in index.html): zod must never probe eval, which the server's CSP forbids (no 'unsafe-eval').
// Zod reads this shared config object when it loads; setting it from a module would be too late, since bundled chunks
// that build schemas at load time run before the importing module's own code.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
