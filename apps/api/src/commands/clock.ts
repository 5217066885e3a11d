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
  today(): string {
    return this.format.format(new Date());
  }
}
