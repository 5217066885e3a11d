import { Random } from './random';

/** Vietnamese names for the people and places of a generated province. */

const FAMILY = [
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Trần',
  'Trần',
  'Lê',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Hà',
  'Đinh',
  'Lương',
  'Triệu',
  'Ma',
  'Hầu',
  'Tẩn',
  'Lục',
];
const MIDDLE_MEN = [
  'Văn',
  'Văn',
  'Hữu',
  'Đức',
  'Minh',
  'Quang',
  'Công',
  'Xuân',
  'Thanh',
  'Quốc',
  'Đình',
  'A',
];
const MIDDLE_WOMEN = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Hồng', 'Kim', 'Thùy'];
const GIVEN_MEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Đức',
  'Giang',
  'Hải',
  'Hiếu',
  'Hoàng',
  'Hùng',
  'Huy',
  'Khải',
  'Khánh',
  'Long',
  'Mạnh',
  'Minh',
  'Nam',
  'Nghĩa',
  'Phúc',
  'Phong',
  'Quân',
  'Quang',
  'Sáu',
  'Sơn',
  'Tài',
  'Thắng',
  'Thành',
  'Tiến',
  'Toàn',
  'Trung',
  'Tuấn',
  'Việt',
  'Vinh',
];
const GIVEN_WOMEN = [
  'Anh',
  'Ánh',
  'Chi',
  'Dung',
  'Giang',
  'Hà',
  'Hằng',
  'Hạnh',
  'Hiền',
  'Hoa',
  'Hồng',
  'Huyền',
  'Hương',
  'Lan',
  'Liên',
  'Linh',
  'Loan',
  'Mai',
  'My',
  'Nga',
  'Ngọc',
  'Nhung',
  'Oanh',
  'Phương',
  'Quyên',
  'Thảo',
  'Thu',
  'Thủy',
  'Trang',
  'Vân',
  'Yến',
];

export const personName = (random: Random): string =>
  random.chance(0.62)
    ? `${random.pick(FAMILY)} ${random.pick(MIDDLE_MEN)} ${random.pick(GIVEN_MEN)}`
    : `${random.pick(FAMILY)} ${random.pick(MIDDLE_WOMEN)} ${random.pick(GIVEN_WOMEN)}`;

/** Syllables that make plausible place names ("Tân Kỳ", "Hưng Thịnh", "Đồng Xuân"). */
const PLACE_FIRST = [
  'An',
  'Bình',
  'Cao',
  'Đại',
  'Đông',
  'Đồng',
  'Hòa',
  'Hợp',
  'Hưng',
  'Kim',
  'Lương',
  'Minh',
  'Ninh',
  'Phú',
  'Phúc',
  'Quang',
  'Sơn',
  'Tân',
  'Thái',
  'Thanh',
  'Thượng',
  'Trung',
  'Trường',
  'Tú',
  'Văn',
  'Vĩnh',
  'Xuân',
  'Yên',
];
const PLACE_SECOND = [
  'An',
  'Bình',
  'Châu',
  'Định',
  'Đoàn',
  'Hà',
  'Hải',
  'Hòa',
  'Hưng',
  'Khê',
  'Kỳ',
  'Lâm',
  'Lĩnh',
  'Lộc',
  'Long',
  'Lương',
  'Mỹ',
  'Nam',
  'Phong',
  'Phú',
  'Sinh',
  'Sơn',
  'Tân',
  'Thành',
  'Thịnh',
  'Thọ',
  'Thủy',
  'Tiến',
  'Trào',
  'Trung',
  'Vân',
  'Xuân',
  'Yên',
];

/** A place name not used yet by this province (`used` is kept up to date). */
export const placeName = (random: Random, used: Set<string>): string => {
  for (let attempt = 0; ; attempt++) {
    const name = `${random.pick(PLACE_FIRST)} ${random.pick(PLACE_SECOND)}`;
    const candidate = attempt < 50 ? name : `${name} ${attempt}`;
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
};

/** Cells of a commune are mostly villages (thôn, khu) and a few agencies, schools and clinics. */
export const cellName = (random: Random, index: number, communeName: string): string => {
  if (index % 11 === 7) return `Chi bộ Trường Tiểu học ${communeName}`;
  if (index % 13 === 9) return `Chi bộ Trường Mầm non ${communeName}`;
  if (index % 17 === 11) return `Chi bộ Trạm Y tế ${communeName}`;
  return random.chance(0.5) ? `Chi bộ thôn ${index + 1}` : `Chi bộ khu ${index + 1}`;
};

export const BASE_CELL_NAMES = [
  'Chi bộ Trường THPT',
  'Chi bộ Trung tâm Y tế',
  'Chi bộ Ngân hàng Chính sách xã hội',
  'Chi bộ Chi cục Thuế',
  'Chi bộ Kho bạc Nhà nước',
  'Chi bộ Viện Kiểm sát nhân dân',
  'Chi bộ Tòa án nhân dân',
  'Chi bộ Trung tâm Giáo dục nghề nghiệp',
];
