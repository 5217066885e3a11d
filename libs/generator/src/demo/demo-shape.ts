import { MemberRating, OrganizationRating } from '@ledger/domain';

/**
 * The demo's named data set: three provinces' worth of real names around the figures the seeds publish
 * (shared/seeds). The people, the other cells and the day-to-day history are generated; the figures
 * below are exact by construction and checked after loading.
 */

export const DEMO_FROM = '2021-01-01';
export const DEMO_TO = '2026-06-30';

/** "Kết quả từ tháng 6-2021 đến 31-3-2024 đã kết nạp 699 … đã xử lý 175 đảng viên vi phạm" (Huyện Sơn Dương). */
export const SON_DUONG = {
  from: '2021-06-01',
  to: '2024-03-31',
  admitted: 699,
  disciplined: { reprimand: 96, warning: 52, dismissal: 15, expulsion: 12 },
} as const;

/** "Đảng bộ xã Thanh Ba hiện có 84 tổ chức Đảng trực thuộc với 2.551 đảng viên" — after the 2025 merger. */
export const THANH_BA = { asOf: '2025-07-01', members: 2551, organizations: 84 } as const;

/** "Năm 2023, toàn xã có 03 chi bộ hoàn thành xuất sắc …, 12 chi bộ hoàn thành tốt …; 45 … 199 đảng viên" (Na Khê). */
export const NA_KHE = {
  year: 2023,
  members: { excellent: 45, good: 199, completed: 0, not_completed: 0 } satisfies Record<
    MemberRating,
    number
  >,
  cells: { excellent: 3, good: 12, completed: 0, not_completed: 0 } satisfies Record<
    OrganizationRating,
    number
  >,
} as const;

/** A commune (or a base cell) of the demo: its cells on the ledger's first day, some of them named. */
export interface DemoUnit {
  key: string;
  name: string;
  kind: 'base_committee' | 'base_cell';
  cells: number;
  /** Named cells, and their members on file when fixed. */
  named?: { name: string; members?: number }[];
}

export interface DemoDistrict {
  key: string;
  name: string;
  units: DemoUnit[];
  /** The 2025 reform: groups of unit keys (the first carries the new commune), and new names. */
  reform: { keys: string[]; name?: string }[];
}

export interface DemoProvince {
  key: string;
  name: string;
  districts: DemoDistrict[];
}

const commune = (key: string, name: string, cells: number, named?: DemoUnit['named']): DemoUnit => ({
  key,
  name,
  kind: 'base_committee',
  cells,
  ...(named ? { named } : {}),
});

const baseCell = (key: string, name: string): DemoUnit => ({ key, name, kind: 'base_cell', cells: 1 });

export const DEMO_PROVINCES: DemoProvince[] = [
  {
    key: 'tuyen-quang',
    name: 'Tỉnh Tuyên Quang',
    districts: [
      {
        key: 'son-duong',
        name: 'Huyện Sơn Dương',
        units: [
          commune('sd-thi-tran', 'Thị trấn Sơn Dương', 16, [{ name: 'Chi bộ tổ dân phố Tân Kỳ' }]),
          commune('sd-truong-sinh', 'Xã Trường Sinh', 15, [{ name: 'Chi bộ thôn Hưng Thịnh' }]),
          commune('sd-khang-nhat', 'Xã Kháng Nhật', 14, [{ name: 'Chi bộ Trường Mầm non Kháng Nhật' }]),
          commune('sd-hop-thanh', 'Xã Hợp Thành', 15),
          commune('sd-phuc-ung', 'Xã Phúc Ứng', 14),
          commune('sd-tu-thinh', 'Xã Tú Thịnh', 16),
          commune('sd-dong-tho', 'Xã Đông Thọ', 13),
          commune('sd-son-nam', 'Xã Sơn Nam', 15),
          commune('sd-hao-phu', 'Xã Hào Phú', 13),
          commune('sd-tan-trao', 'Xã Tân Trào', 14),
          baseCell('sd-thpt', 'Chi bộ Trường THPT Sơn Dương'),
          baseCell('sd-ttyt', 'Chi bộ Trung tâm Y tế huyện Sơn Dương'),
          baseCell('sd-kbnn', 'Chi bộ Kho bạc Nhà nước Sơn Dương'),
        ],
        reform: [
          { keys: ['sd-thi-tran', 'sd-hop-thanh'], name: 'Xã Sơn Dương' },
          { keys: ['sd-truong-sinh', 'sd-hao-phu'] },
          { keys: ['sd-tan-trao', 'sd-khang-nhat'] },
          { keys: ['sd-phuc-ung', 'sd-son-nam'], name: 'Xã Sơn Thủy' },
          { keys: ['sd-tu-thinh', 'sd-dong-tho'] },
        ],
      },
    ],
  },
  {
    key: 'phu-tho',
    name: 'Tỉnh Phú Thọ',
    districts: [
      {
        key: 'thanh-ba',
        name: 'Huyện Thanh Ba',
        units: [
          commune('tb-thi-tran', 'Thị trấn Thanh Ba', 24, [
            { name: 'Chi bộ Khu 11', members: 108 },
            { name: 'Chi bộ Trường THPT Yển Khê' },
          ]),
          commune('tb-dong-xuan', 'Xã Đồng Xuân', 20),
          commune('tb-van-linh', 'Xã Vân Lĩnh', 19),
          commune('tb-hanh-cu', 'Xã Hanh Cù', 17),
          commune('tb-chi-tien', 'Xã Chí Tiên', 14),
          commune('tb-dong-thanh', 'Xã Đông Thành', 12),
        ],
        reform: [
          { keys: ['tb-thi-tran', 'tb-dong-xuan', 'tb-van-linh', 'tb-hanh-cu'], name: 'Xã Thanh Ba' },
          { keys: ['tb-dong-thanh', 'tb-chi-tien'] },
        ],
      },
    ],
  },
  {
    key: 'ha-giang',
    name: 'Tỉnh Hà Giang',
    districts: [
      {
        key: 'yen-minh',
        name: 'Huyện Yên Minh',
        units: [
          commune('ym-na-khe', 'Xã Na Khê', 14, [
            { name: 'Chi bộ thôn Na Pô', members: 15 },
            { name: 'Chi bộ Quân sự xã Na Khê' },
          ]),
          commune('ym-bach-dich', 'Xã Bạch Đích', 11),
        ],
        reform: [{ keys: ['ym-bach-dich', 'ym-na-khe'] }],
      },
    ],
  },
];

/** The communes whose cells make up Xã Thanh Ba after the merger. */
export const THANH_BA_AREA = ['tb-thi-tran', 'tb-dong-xuan', 'tb-van-linh', 'tb-hanh-cu'];
export const NA_KHE_KEY = 'ym-na-khe';
export const SON_DUONG_KEY = 'son-duong';

/** 1 July 2025: Hà Giang merges into Tuyên Quang (the provinces' reform of the same day). */
export const PROVINCE_MERGERS = [{ merged: 'ha-giang', into: 'tuyen-quang' }];
