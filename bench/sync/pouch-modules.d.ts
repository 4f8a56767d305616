// Minimal typings for the PouchDB packages the sync benchmark uses (they ship none; only what the benchmark calls).
declare module 'pouchdb' {
  interface ReplicationResult {
    docs_written: number;
  }
  interface PouchDatabase {
    bulkDocs(docs: object[]): Promise<unknown>;
    destroy(): Promise<void>;
    replicate: {
      to(target: string, options?: { batch_size?: number }): Promise<ReplicationResult>;
      from(source: string, options?: { batch_size?: number }): Promise<ReplicationResult>;
    };
  }
  interface PouchConstructor {
    new (name: string): PouchDatabase;
    plugin(plugin: unknown): PouchConstructor;
    defaults(options: { adapter?: string; prefix?: string }): PouchConstructor;
  }
  const PouchDB: PouchConstructor;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}

declare module 'express-pouchdb' {
  import type { Server } from 'node:http';
  interface PouchApp {
    listen(port: number, host: string, callback: () => void): Server;
  }
  export default function expressPouchDB(pouch: unknown, options?: Record<string, unknown>): PouchApp;
}
