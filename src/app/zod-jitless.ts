// Turns off zod's compiled (new Function) parsers before anything parses: the server's CSP has no 'unsafe-eval'.
import { z } from 'zod';

// Without this, zod's first object parse probes eval, which the CSP blocks and reports as a violation.
z.config({ jitless: true });
