import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { KEPT_FOLDS } from './command-executor';
import { Directory } from './directory';

/** Organizations folded at start: half the folds the executor keeps (the rest for members and cases). */
const ORGANIZATIONS_AT_START = KEPT_FOLDS / 2;

/**
 * Folds the organizations when the app starts, in the background (Directory.foldOrganizations),
 * so that the first command on each after a start does not read it (its own stream; an
 * organization read as a fact is read for its newer events only, as any kept fold): nearly every command
 * names an organization (a meeting's cell, a member's cell as a fact), organizations are few, and
 * a cell holds years of events. Measured at 300,000 members (9,580 organizations folded in about
 * 2 s): 16 clients recording meetings in cells no command had touched since the app started went
 * from 749 to 1,075 and 1,107 appends/s, P99 57.8 to 33.5 and 34.4 ms (the benchmark: 612 to
 * 933/s, P99 50.1 to 34.2 ms). A fold kept here is checked as any other: the append checks the
 * stream's version, and one left stale by another process is decided again.
 */
@Injectable()
export class WarmStart implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WarmStart');
  private running?: Promise<void>;
  private stopped = false;
  /** What /health reports: folding, done (with how many were kept) or failed (commands read as they come). */
  status: { state: 'folding' | 'done' | 'failed'; organizations: number } = {
    state: 'folding',
    organizations: 0,
  };

  constructor(private readonly directory: Directory) {}

  onApplicationBootstrap(): void {
    // Not awaited: the app serves meanwhile, and a command on an organization not yet folded reads it.
    this.running = this.run();
  }

  /** Before the pool closes: the read under way ends, no other starts. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async run(): Promise<void> {
    const started = Date.now();
    try {
      const kept = await this.directory.foldOrganizations(ORGANIZATIONS_AT_START, {
        stopped: () => this.stopped,
        onKept: (organizations) => (this.status = { state: 'folding', organizations }),
      });
      this.status = { state: 'done', organizations: kept };
      this.logger.log(
        `Folded ${kept} organizations in ${((Date.now() - started) / 1000).toFixed(1)} s: the first command on each does not read it`,
      );
    } catch (error) {
      this.status = { ...this.status, state: 'failed' };
      this.logger.warn(
        `Folding organizations at start failed; commands read them as they come: ${(error as Error).message}`,
      );
    }
  }
}
