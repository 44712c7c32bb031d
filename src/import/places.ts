// Administrative places named in an organ or title: 如东县岔河镇人民政府 → county 如东县, township 岔河镇.
// The segment right before the township is its county-level unit (县, 区, 县级市, 旗); a 市 before that is the city.

export interface Places {
  province?: string;
  city?: string;
  county?: string;
  township?: string;
}

// Shortest names first so 重庆市万州区 splits into 重庆市 + 万州区; a name is 2–6 characters plus its suffix.
const SEGMENT = /([\u4e00-\u9fa5]{1,6}?)(省|自治区|自治州|地区|盟|市|自治县|县|区|旗|镇|乡|街道)/gy;
const GENERIC = /^(乡镇|城镇|集镇|本镇|我镇|全镇|该镇|各镇|本乡|我乡|全乡)$/;
const TOWNSHIP_SUFFIX = new Set(['镇', '乡', '街道']);
const COUNTY_SUFFIX = new Set(['县', '区', '旗', '自治县', '市']);

/** Reads the place names off the start of `text` (after 中共 / 关于 / a year prefix). */
export function placesIn(text: string): Places {
  // 鲤城区人民政府金龙街道办事处: a 街道 office named under its district government.
  const s = text
    .replace(/^(中共|关于)/, '')
    .replace(/^\d{4}年度?/, '')
    .replace(/(区|县|市)人民政府(?=[\u4e00-\u9fa5]{1,6}(镇|乡|街道))/, '$1');
  const segments: { name: string; suffix: string }[] = [];
  SEGMENT.lastIndex = 0;
  for (let m = SEGMENT.exec(s); m; m = SEGMENT.exec(s)) {
    segments.push({ name: m[0], suffix: m[2] });
    if (TOWNSHIP_SUFFIX.has(m[2])) break;
  }
  const t = segments.findIndex((g) => TOWNSHIP_SUFFIX.has(g.suffix));
  // 乡镇 in "2023年度乡镇法治政府…" is the word for townships, not a name.
  if (t < 0 || GENERIC.test(segments[t].name)) return {};
  const out: Places = { township: segments[t].name };
  const before = segments.slice(0, t);
  const county = before.at(-1);
  if (county && COUNTY_SUFFIX.has(county.suffix)) out.county = county.name;
  for (const g of before.slice(0, -1)) {
    if (g.suffix === '省' || g.suffix === '自治区') out.province = g.name;
    else if (g.suffix === '市' || g.suffix === '自治州' || g.suffix === '地区' || g.suffix === '盟') out.city = g.name;
  }
  return out;
}

/** Merges place readings, earlier ones winning. */
export function mergePlaces(...all: Places[]): Places {
  const out: Places = {};
  for (const p of all) {
    for (const k of ['province', 'city', 'county', 'township'] as const) if (!out[k] && p[k]) out[k] = p[k];
  }
  return out;
}

// Words ending in 镇/乡 that are not names: 城镇, 乡镇, 本镇 …
const NOT_A_NAME = /[本我全该各每城乡集村、，。；：“”（）\d]/;

/**
 * The township the running text talks about, when no organ line names it (seeds 001, 004): the most
 * frequent `XX镇` / `XXX镇`; on a tie the longer name (四棵树镇 over 棵树镇).
 */
export function townshipFromText(text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const len of [2, 3]) {
    const re = new RegExp(`(?=([\\u4e00-\\u9fa5]{${len}})(镇|乡|街道))`, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      re.lastIndex = m.index + 1;
      if (NOT_A_NAME.test(m[1])) continue;
      const name = m[1] + m[2];
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  let best: [string, number] | undefined;
  for (const [name, n] of counts) {
    if (n < 2) continue;
    if (!best || n > best[1] || (n === best[1] && name.length > best[0].length)) best = [name, n];
  }
  return best?.[0];
}

/** A `XX市XX区` / `XX县` pair in the running text (seed 004: 上海市普陀区), for a source without organ lines. */
export function countyFromText(text: string): Places {
  // City names are two characters (上海, 重庆, 南通); a longer match would swallow the word before it (和上海市).
  const m = /([\u4e00-\u9fa5]{2}市)([\u4e00-\u9fa5]{2,3}?(区|县))/.exec(text);
  if (m) return { city: m[1], county: m[2] };
  return {};
}

/** The county named by an addressee such as 山丹县人民政府 or 万州区委、区政府. */
export function countyOfAddressee(addressee: string): string | undefined {
  return /^([\u4e00-\u9fa5]{1,6}?(?:自治县|县|区|旗|市))(?:委|人民政府|政府)/.exec(addressee)?.[1];
}

/** The organ a title opens with: 贤庠镇人民政府关于2022年度… / 北城街街道办事处2025年… */
export function organOfTitle(title: string): string | undefined {
  return /^((?:中共)?[\u4e00-\u9fa5]{2,20}?(?:镇|乡|街道)(?:人民政府|办事处|委员会|党委))(?:关于)?(?:\d{4}年|$)/.exec(title)?.[1];
}

/** The government of a township: 街道 have an office (办事处), 乡 and 镇 a people's government. */
export const governmentOf = (township: string): string => `${township}${township.endsWith('街道') ? '办事处' : '人民政府'}`;
