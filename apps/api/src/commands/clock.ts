import { Injectable } from '@nestjs/common';

export const CLOCK = Symbol('CLOCK');

/** The one place that reads the time: decisions get "today" as an argument. */
export interface Clock {
  /** Today's date where the ledger is kept (Vietnam, UTC+7), YYYY-MM-DD. */
  today(): string;
}

@Injectable()
export class SystemClock implements Clock {
  private readonly format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
  private last = { day: '', from: 0, until: 0 };

  today(): string {
    const now = Date.now();
    if (now < this.last.from || now >= this.last.until) {
      // Every command asks; Intl's formatting is kept to once a minute. The local date can only
      // change at a whole minute (the zone's offset is whole minutes), so it holds for that minute
      // (a clock set back leaves it).
      const from = now - (now % 60_000);
      this.last = { day: this.format.format(now), from, until: from + 60_000 };
    }
    return this.last.day;
  }
}
