import { rmSync } from 'node:fs';

export default async (): Promise<void> => {
  const embedded = (globalThis as Record<string, unknown>).__embeddedPostgres as
    { server: { stop(): Promise<void> }; dataDir: string } | undefined;
  if (!embedded) return;
  await embedded.server.stop();
  rmSync(embedded.dataDir, { recursive: true, force: true });
};
