/**
 * The public site's pages as plain HTML, rendered on the server: no script, one small stylesheet,
 * Vietnamese (lang="vi"), a skip link, landmarks and one h1 per page. Colour always comes with its
 * text (Xanh / Vàng / Đỏ) and statuses are words.
 */
import { formatDateVi } from '@core/domain/deadlines';
import {
  COLOUR_LABELS,
  type Colour,
  INDICATOR_STATUS_LABELS,
  INDICATOR_STATUSES,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  TIMELINESS,
  TIMELINESS_LABELS,
} from '@core/domain/evaluation';
import type { PublicLocality } from './public.repository';
import {
  localityTitle,
  type PublicReport,
  type PublicSiteService,
  type RankedLocality,
} from './public.service';

type Html = string;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values. */
export const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (char) => ESCAPES[char]!);

const h = escapeHtml;
const number = (value: number | null | undefined) =>
  value == null ? '—' : value.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** A locality's public page. */
export const localityPath = (code: string): string => `/cong-khai/dia-phuong/${encodeURIComponent(code)}`;

const badge = (colour: Colour, score: number | null): Html =>
  `<span class="badge c-${colour}">${h(COLOUR_LABELS[colour])}</span>${score != null ? ` <span>${h(number(score))} điểm</span>` : ''}`;

type Crumb = { label: string; href?: string };

/** The page frame: head, skip link, header with breadcrumbs, main, footer. */
export const page = (options: {
  title: string;
  css: string;
  crumbs: Crumb[];
  body: Html;
}): Html => `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(options.title)} · Công khai kết quả thực hiện Nghị quyết 57-NQ/TW</title>
<link rel="stylesheet" href="${h(options.css)}">
</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="site">
<p class="brand"><a href="/cong-khai">Công khai kết quả thực hiện Nghị quyết 57-NQ/TW</a></p>
<nav aria-label="Vị trí trang"><ol class="crumbs">${options.crumbs
  .map((crumb) =>
    crumb.href
      ? `<li><a href="${h(crumb.href)}">${h(crumb.label)}</a></li>`
      : `<li aria-current="page">${h(crumb.label)}</li>`,
  )
  .join('')}</ol></nav>
</header>
<main id="noi-dung" tabindex="-1">
${options.body}
</main>
<footer class="site">
<p>Trang chỉ hiển thị báo cáo đã được lãnh đạo địa phương phê duyệt và quyết định công khai. <a href="/cong-khai/du-lieu">Dữ liệu mở (CSV, JSON)</a> · <a href="/login">Đăng nhập dành cho cán bộ</a></p>
</footer>
</body>
</html>
`;

const searchForm = (action: string, label: string, query: string | undefined, year: number | null): Html => `
<form class="search" method="get" action="${h(action)}" role="search">
<div><label for="q">${h(label)}</label>
<input type="search" id="q" name="q" value="${h(query ?? '')}" autocomplete="off"></div>
${year != null ? `<input type="hidden" name="nam" value="${year}">` : ''}
<button type="submit">Tìm</button>
</form>`;

const searchResults = (search: { query: string; results: PublicLocality[] } | null): Html => {
  if (!search) return '';
  return `<section aria-labelledby="ket-qua-tim"><h2 id="ket-qua-tim">Kết quả tìm “${h(search.query)}”</h2>
${
  search.results.length
    ? `<ul>${search.results.map((row) => `<li><a href="${h(localityPath(row.code))}">${h(localityTitle(row))}</a></li>`).join('')}</ul>`
    : '<p>Không tìm thấy địa phương nào.</p>'
}</section>`;
};

const yearLinks = (path: string, years: number[], year: number | null): Html =>
  years.length > 1
    ? `<nav aria-label="Chọn năm"><ul class="years">${years
        .map((item) =>
          item === year
            ? `<li><strong aria-current="page">Năm ${item}</strong></li>`
            : `<li><a href="${h(`${path}?nam=${item}`)}">Năm ${item}</a></li>`,
        )
        .join('')}</ul></nav>`
    : '';

const rankingTable = (caption: string, ranking: RankedLocality[], withCommunes: boolean): Html => `
<table>
<caption>${h(caption)}</caption>
<thead><tr><th scope="col">Hạng</th><th scope="col">Địa phương</th><th scope="col">Điểm và màu</th>${
  withCommunes ? '<th scope="col">Số xã, phường đã công khai</th>' : ''
}<th scope="col">Số báo cáo công khai</th></tr></thead>
<tbody>
${ranking
  .map(
    (row) =>
      `<tr><td class="num">${row.rank ?? '—'}</td><td><a href="${h(localityPath(row.locality.code))}">${h(
        localityTitle(row.locality),
      )}</a></td><td>${row.reports ? badge(row.colour, row.score) : 'Chưa có báo cáo công khai'}</td>${
        withCommunes ? `<td class="num">${row.communesPublished ?? 0}</td>` : ''
      }<td class="num">${row.reports}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>`;

/** The national page: provinces ranked on published data, and a search over every locality. */
export const nationPage = (css: string, view: Awaited<ReturnType<PublicSiteService['nation']>>): Html =>
  page({
    title: 'Toàn quốc',
    css,
    crumbs: [{ label: 'Toàn quốc' }],
    body: `<h1>Kết quả thực hiện Nghị quyết 57-NQ/TW của các địa phương</h1>
<p>Điểm và màu được tính trên các báo cáo tổng hợp đã được lãnh đạo địa phương phê duyệt và công khai: tình trạng chỉ tiêu so với mục tiêu năm, kết quả thực hiện nhiệm vụ và việc nộp báo cáo đúng hạn. Màu: Xanh (đạt), Vàng (cần cố gắng), Đỏ (chậm).</p>
${searchForm('/cong-khai', 'Tìm tỉnh, thành phố, xã, phường (gõ có dấu hoặc không dấu)', view.search?.query, view.year)}
${searchResults(view.search)}
<section aria-labelledby="xep-hang"><h2 id="xep-hang">Xếp hạng tỉnh, thành phố${view.year != null ? ` năm ${view.year}` : ''}</h2>
${yearLinks('/cong-khai', view.years, view.year)}
${
  view.year == null
    ? '<p>Chưa có địa phương nào công khai báo cáo.</p>'
    : rankingTable(`Tỉnh, thành phố xếp theo điểm năm ${view.year}`, view.ranking, true)
}</section>
<p><a href="/cong-khai/du-lieu/toan-quoc.csv">Tải toàn bộ số liệu công khai (CSV)</a> · <a href="/cong-khai/du-lieu/toan-quoc.json">JSON</a></p>`,
  });

const reportSection = (localityCode: string, report: PublicReport, index: number): Html => {
  const id = `bao-cao-${index}`;
  return `<article class="report" aria-labelledby="${id}">
<h3 id="${id}">Báo cáo ${h(report.periodLabel)}${report.version > 1 ? ` (báo cáo bổ sung, phiên bản ${report.version})` : ''}</h3>
<dl class="facts">
<dt>Kế hoạch</dt><dd>${h([report.planNumber, report.planTitle].filter(Boolean).join(' – '))}</dd>
<dt>Số liệu từ ngày</dt><dd>${h(formatDateVi(report.dataFrom))} đến ngày ${h(formatDateVi(report.dataTo))}</dd>
<dt>Ngày phê duyệt</dt><dd>${h(formatDateVi(report.approvedOn))}</dd>
<dt>Số văn bản</dt><dd>${h(report.documentNumber ?? 'Không ghi')}</dd>
<dt>Ngày công khai</dt><dd>${h(formatDateVi(report.publishedOn))}</dd>
<dt>Điểm và màu</dt><dd>${report.score != null ? badge(report.colour, report.score) : 'Chưa đánh giá'}</dd>
<dt>Tải báo cáo</dt><dd><a href="/cong-khai/bao-cao/${h(report.id)}.pdf">Bản PDF</a> · <a href="/cong-khai/bao-cao/${h(report.id)}.docx">Bản Word</a></dd>
</dl>
<table>
<caption>Chỉ tiêu so với mục tiêu năm</caption>
<thead><tr><th scope="col">Mã</th><th scope="col">Chỉ tiêu</th><th scope="col">Kết quả</th><th scope="col">Mục tiêu</th><th scope="col">Tình trạng</th></tr></thead>
<tbody>
${report.indicators
  .map(
    (item) =>
      `<tr><td>${h(item.code ?? '')}${item.codeSource === 'plan' ? ' <span class="note">(mã của kế hoạch)</span>' : ''}</td><td><a href="${h(
        `${localityPath(localityCode)}/chi-tieu/${item.id}`,
      )}">${h(item.name)}</a></td><td class="num">${h(number(item.value))}${item.value != null && item.unit ? ` ${h(item.unit)}` : ''}</td><td>${h(
        item.targetText ?? '—',
      )}</td><td>${h(INDICATOR_STATUS_LABELS[item.status])}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>
<table>
<caption>Tổng hợp tình trạng chỉ tiêu</caption>
<thead><tr>${INDICATOR_STATUSES.map((status) => `<th scope="col">${h(INDICATOR_STATUS_LABELS[status])}</th>`).join('')}</tr></thead>
<tbody><tr>${INDICATOR_STATUSES.map((status) => `<td class="num">${report.indicatorCounts[status]}</td>`).join('')}</tr></tbody>
</table>
<table>
<caption>Thực hiện nhiệm vụ: ${report.taskTotal} nhiệm vụ, hoàn thành ${h(number(report.taskCompletion))}%</caption>
<thead><tr><th scope="col">Tình trạng nhiệm vụ</th><th scope="col">Số nhiệm vụ</th></tr></thead>
<tbody>${TASK_STATUSES.filter((status) => report.taskCounts[status] > 0)
    .map(
      (status) =>
        `<tr><td>${h(TASK_STATUS_LABELS[status])}</td><td class="num">${report.taskCounts[status]}</td></tr>`,
    )
    .join('')}</tbody>
</table>
<table>
<caption>Việc nộp báo cáo của các đơn vị</caption>
<thead><tr>${TIMELINESS.map((status) => `<th scope="col">${h(TIMELINESS_LABELS[status])}</th>`).join('')}</tr></thead>
<tbody><tr>${TIMELINESS.map((status) => `<td class="num">${report.reportCounts[status]}</td>`).join('')}</tr></tbody>
</table>
</article>`;
};

/** A locality's page: its published reports, what was withdrawn and why, a province's communes ranked. */
export const localityPage = (
  css: string,
  view: NonNullable<Awaited<ReturnType<PublicSiteService['locality']>>>,
): Html => {
  const title = localityTitle(view.locality);
  const path = localityPath(view.locality.code);
  const crumbs: Crumb[] = [{ label: 'Toàn quốc', href: '/cong-khai' }];
  if (view.parent) crumbs.push({ label: localityTitle(view.parent), href: localityPath(view.parent.code) });
  crumbs.push({ label: title });
  const communes = view.communes;
  return page({
    title,
    css,
    crumbs,
    body: `<h1>${h(title)}</h1>
${view.parent ? `<p>Thuộc <a href="${h(localityPath(view.parent.code))}">${h(localityTitle(view.parent))}</a>. Mã đơn vị hành chính: ${h(view.locality.code)}.</p>` : `<p>Mã đơn vị hành chính: ${h(view.locality.code)}.</p>`}
${
  communes
    ? `<section aria-labelledby="xa-phuong"><h2 id="xa-phuong">Xếp hạng xã, phường${communes.year != null ? ` năm ${communes.year}` : ''}</h2>
${searchForm(path, 'Tìm xã, phường trong tỉnh (gõ có dấu hoặc không dấu)', communes.search?.query, communes.year)}
${searchResults(communes.search)}
${yearLinks(path, communes.years, communes.year)}
${
  communes.year == null
    ? '<p>Chưa có xã, phường nào công khai báo cáo.</p>'
    : rankingTable(`Xã, phường xếp theo điểm năm ${communes.year}`, communes.ranking, false)
}</section>`
    : ''
}
<section aria-labelledby="bao-cao"><h2 id="bao-cao">Báo cáo đã công khai</h2>
${view.published.length ? view.published.map((report, index) => reportSection(view.locality.code, report, index + 1)).join('\n') : '<p>Địa phương chưa công khai báo cáo nào.</p>'}
</section>
${
  view.withdrawn.length
    ? `<section aria-labelledby="da-go"><h2 id="da-go">Báo cáo đã gỡ khỏi trang công khai</h2><ul>${view.withdrawn
        .map(
          (report) =>
            `<li class="withdrawn">Báo cáo ${h(report.periodLabel)} (phiên bản ${report.version}, công khai ngày ${h(
              formatDateVi(report.publishedOn),
            )}) đã gỡ ngày ${h(formatDateVi(report.withdrawnOn))}, lý do: ${h(report.withdrawReason ?? '')}</li>`,
        )
        .join('')}</ul></section>`
    : ''
}
<p><a href="/cong-khai/du-lieu/${h(encodeURIComponent(view.locality.code))}.csv">Tải số liệu công khai của địa phương (CSV)</a> · <a href="/cong-khai/du-lieu/${h(encodeURIComponent(view.locality.code))}.json">JSON</a></p>`,
  });
};

/** The chart of an indicator: its target path and its published values by year, an SVG drawn here. */
export const chartSvg = (
  targets: Array<{ year: number; value: number }>,
  values: Array<{ year: number; value: number }>,
  labels: { title: string; unit: string | null },
): Html => {
  const width = 640;
  const height = 300;
  const pad = { left: 56, right: 16, top: 16, bottom: 40 };
  const years = [...new Set([...targets, ...values].map((row) => row.year))].sort((a, b) => a - b);
  const numbers = [...targets, ...values].map((row) => row.value);
  if (!years.length) return '<p>Chưa có mục tiêu hoặc số liệu công khai để vẽ biểu đồ.</p>';
  const top = Math.max(...numbers, 0);
  const bottom = Math.min(...numbers, 0);
  const span = top - bottom || 1;
  const x = (year: number) =>
    years.length === 1
      ? pad.left + (width - pad.left - pad.right) / 2
      : pad.left + ((year - years[0]!) / (years.at(-1)! - years[0]!)) * (width - pad.left - pad.right);
  const y = (value: number) => pad.top + ((top - value) / span) * (height - pad.top - pad.bottom);
  const line = (rows: Array<{ year: number; value: number }>) =>
    rows.map((row) => `${x(row.year).toFixed(1)},${y(row.value).toFixed(1)}`).join(' ');
  const ticks = [bottom, bottom + span / 2, top];
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="bieu-do-tieu-de bieu-do-mo-ta">
<title id="bieu-do-tieu-de">${h(labels.title)}</title>
<desc id="bieu-do-mo-ta">Đường nét đứt: lộ trình mục tiêu theo năm; đường liền có chấm tròn: giá trị đã công khai theo năm. Số liệu chi tiết ở bảng bên dưới.</desc>
<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" stroke="#1a1a1a"/>
<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${height - pad.bottom}" stroke="#1a1a1a"/>
${ticks.map((tick) => `<text x="${pad.left - 6}" y="${y(tick) + 4}" text-anchor="end">${h(number(Math.round(tick * 100) / 100))}</text>`).join('')}
${years.map((year) => `<text x="${x(year)}" y="${height - pad.bottom + 18}" text-anchor="middle">${year}</text>`).join('')}
${targets.length ? `<polyline points="${line(targets)}" fill="none" stroke="#0b4f9c" stroke-width="2" stroke-dasharray="6 4"/>` : ''}
${targets.map((row) => `<rect x="${x(row.year) - 4}" y="${y(row.value) - 4}" width="8" height="8" fill="#0b4f9c"/>`).join('')}
${values.length > 1 ? `<polyline points="${line(values)}" fill="none" stroke="#8a1515" stroke-width="2"/>` : ''}
${values.map((row) => `<circle cx="${x(row.year)}" cy="${y(row.value)}" r="5" fill="#8a1515"/>`).join('')}
</svg>`;
};

/** The page of an indicator of a locality. */
export const indicatorPage = (
  css: string,
  view: NonNullable<Awaited<ReturnType<PublicSiteService['indicator']>>>,
): Html => {
  const title = localityTitle(view.locality);
  const years = [...new Set([...view.targets, ...view.values].map((row) => row.year))].sort((a, b) => a - b);
  const unit = view.indicator.unit ? ` (${view.indicator.unit})` : '';
  return page({
    title: `${view.indicator.name} – ${title}`,
    css,
    crumbs: [
      { label: 'Toàn quốc', href: '/cong-khai' },
      { label: title, href: localityPath(view.locality.code) },
      { label: 'Chỉ tiêu' },
    ],
    body: `<h1>${h(view.indicator.name)}</h1>
<dl class="facts">
<dt>Địa phương</dt><dd><a href="${h(localityPath(view.locality.code))}">${h(title)}</a></dd>
<dt>Mã chỉ tiêu</dt><dd>${h(view.indicator.catalogCode ?? view.indicator.planCode ?? '—')}${view.indicator.catalogCode ? ' (mã danh mục chuẩn)' : ' (mã của kế hoạch, chưa gắn danh mục chuẩn)'}</dd>
<dt>Tình trạng theo báo cáo công khai mới nhất</dt><dd>${h(INDICATOR_STATUS_LABELS[view.indicator.status])}</dd>
<dt>Mục tiêu</dt><dd>${h(view.indicator.targetText ?? '—')}</dd>
</dl>
<h2>Lộ trình mục tiêu và kết quả đã công khai theo năm${h(unit)}</h2>
<ul class="legend"><li>Nét đứt, ô vuông: mục tiêu</li><li>Nét liền, chấm tròn: kết quả đã công khai</li></ul>
${chartSvg(view.targets, view.values, { title: `${view.indicator.name}${unit}: mục tiêu và kết quả theo năm`, unit: view.indicator.unit })}
<table>
<caption>Số liệu của biểu đồ</caption>
<thead><tr><th scope="col">Năm</th><th scope="col">Mục tiêu</th><th scope="col">Kết quả đã công khai</th></tr></thead>
<tbody>${years
      .map((year) => {
        const target = view.targets.find((row) => row.year === year);
        const value = view.values.find((row) => row.year === year);
        return `<tr><th scope="row">${year}</th><td class="num">${h(number(target?.value))}</td><td class="num">${h(number(value?.value))}</td></tr>`;
      })
      .join('')}</tbody>
</table>`,
  });
};

/** The open data page: what files there are and where their fields are described. */
export const openDataPage = (css: string): Html =>
  page({
    title: 'Dữ liệu mở',
    css,
    crumbs: [{ label: 'Toàn quốc', href: '/cong-khai' }, { label: 'Dữ liệu mở' }],
    body: `<h1>Dữ liệu mở</h1>
<p>Mỗi số liệu đã công khai có trong các tệp dưới đây, theo mã chỉ tiêu của danh mục chuẩn, mã đơn vị hành chính, năm và kỳ báo cáo. Tệp CSV mã hóa UTF-8 (có BOM), mở được bằng LibreOffice hoặc Excel; tệp JSON có cùng các trường.</p>
<ul>
<li><a href="/cong-khai/du-lieu/toan-quoc.csv">Toàn quốc (CSV)</a> · <a href="/cong-khai/du-lieu/toan-quoc.json">JSON</a></li>
<li>Một tỉnh, thành phố (gồm các xã, phường): <code>/cong-khai/du-lieu/{mã tỉnh}.csv</code> hoặc <code>.json</code></li>
<li>Một xã, phường: <code>/cong-khai/du-lieu/{mã xã}.csv</code> hoặc <code>.json</code></li>
</ul>`,
  });

/** The page for an address that does not exist on the public site. */
export const notFoundPage = (css: string): Html =>
  page({
    title: 'Không tìm thấy trang',
    css,
    crumbs: [{ label: 'Toàn quốc', href: '/cong-khai' }, { label: 'Không tìm thấy' }],
    body: '<h1>Không tìm thấy trang</h1><p>Địa chỉ này không có trên trang công khai, hoặc nội dung đã được gỡ. <a href="/cong-khai">Về trang chủ công khai</a>.</p>',
  });
