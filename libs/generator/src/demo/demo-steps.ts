import { Cells, Life, Step, exemptedOn } from '../life';
import { discipline } from '../lifecycle/discipline';
import { admission } from '../lifecycle/joining';
import { death, exemption, exit, removal } from '../lifecycle/leaving';
import { officialTransfer, temporaryTransfer } from '../lifecycle/moving';
import { correction } from '../lifecycle/records';
import { MemberRecord } from '../world';
import { PlannedStep } from './demo-plan';
import { DEMO_PROVINCES, NA_KHE_KEY, SON_DUONG, SON_DUONG_KEY } from './demo-shape';

/**
 * The demo's planned steps, scheduled as critical steps of the lifecycles (they must succeed), with the
 * conditions its figures need on the members they pick: in Na Khê nobody already exempted leaves (the
 * plan counts each exemption and each departure once); in Sơn Dương's period each discipline falls on a
 * member not disciplined before ("175 members disciplined").
 */
export function scheduleStep(
  life: Life,
  step: PlannedStep,
  cells: Cells,
  elsewhere: Cells,
  district: Cells,
): void {
  const naKhe = step.unit === NA_KHE_KEY;
  const critical = (eligible?: (m: MemberRecord) => boolean): Step => ({
    critical: true,
    ...(eligible ? { eligible } : {}),
  });
  switch (step.kind) {
    case 'admission':
      return admission(life, cells, step, critical());
    case 'nomination':
      return admission(life, cells, { nominatedOn: step.on }, critical());
    case 'death':
      return death(life, cells, step.on, critical(naKhe ? notExempted(step.on) : undefined));
    case 'removal':
      return removal(life, cells, step.on, critical(naKhe ? notExempted(step.on) : undefined));
    case 'exit':
      return exit(life, cells, step.on, critical(naKhe ? notExempted(step.on) : undefined));
    case 'exemption':
      return exemption(life, cells, step.on, critical(), step.old);
    case 'officialTransfer':
      return officialTransfer(life, cells, elsewhere, step.on, critical());
    case 'temporaryTransfer':
      return temporaryTransfer(life, cells, district, step.on, critical());
    case 'correction':
      return correction(life, step.on);
    case 'discipline': {
      const inPeriod = step.on >= SON_DUONG.from && step.on <= SON_DUONG.to;
      const eligible = naKhe
        ? notExempted(step.on)
        : inPeriod && isSonDuong(step.unit)
          ? neverDisciplined
          : undefined;
      return discipline(life, cells, step.form, step.on, critical(eligible));
    }
  }
}

const notExempted = (on: string) => (m: MemberRecord) => !exemptedOn(m, on);
const neverDisciplined = (m: MemberRecord) =>
  m.state.status !== 'none' && m.state.status !== 'candidate' && m.state.disciplines.length === 0;

const SON_DUONG_UNITS = new Set(
  DEMO_PROVINCES.flatMap((p) =>
    p.districts.filter((d) => d.key === SON_DUONG_KEY).flatMap((d) => d.units.map((u) => u.key)),
  ),
);
const isSonDuong = (key: string) => SON_DUONG_UNITS.has(key);
