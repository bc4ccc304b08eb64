/**
 * The catalogue of bad inputs (docs/bad-inputs.md is written from this list; a test keeps them in
 * sync). Each case is a small file that must stop the import with a located error.
 */
import iconv from 'iconv-lite';

export interface BadInput {
  id: string;
  /** What is wrong, for the docs. */
  what: string;
  name: string;
  bytes: Buffer | null;
  /** Read from disk at this (missing) path instead of bytes. */
  path?: string;
  options?: { kind?: string; encoding?: string; map?: Record<string, string> };
  code: string;
  line: number;
  column: number;
}

const b = (s: string) => Buffer.from(s);
const XD = 'Date,Impressions,Likes,Engagements,New follows,Unfollows\n';
const XP = 'Post id,Date,Post text,Link,Impressions,Likes\n';
const SC = 'Date,Clicks,Impressions,CTR,Position\n';
const DEALS = '"Record ID","Deal Name","Deal Stage","Amount","Close Date","Is Closed Won","Associated Contact IDs","Date entered ""Closed Won (Sales Pipeline)"""\n';
const CONTACTS = 'Record ID,First Name,Email,Lifecycle Stage,Create Date\n';
const COSTS = 'date,category,amount,hours,period_end\n';
const TP = 'person_id,occurred_at,channel\n';
const ADS = 'campaign_id,date,spend,impressions,url\n';
const RET = 'cohort,period,active\n';
const ok = {
  xd: '2026-04-01,100,1,5,0,0\n',
  xp: '1900000000000000001,2026-04-01 09:00 +0000,hello,https://x.com/a/status/1900000000000000001,10,1\n',
  sc: '2026-04-01,3,100,3%,4.5\n',
};

export const BAD_INPUTS: BadInput[] = [
  { id: 'file-missing', what: 'the path does not exist', name: 'nope.csv', bytes: null, path: 'does-not-exist/nope.csv', code: 'file_missing', line: 1, column: 1 },
  { id: 'file-empty', what: 'a zero-byte file (failed download)', name: 'empty.csv', bytes: b(''), code: 'file_empty', line: 1, column: 1 },
  { id: 'xlsx-workbook', what: 'an Excel workbook (.xlsx) instead of CSV', name: 'deals.xlsx', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), code: 'not_text', line: 1, column: 1 },
  { id: 'xls-workbook', what: 'an old Excel workbook (.xls)', name: 'deals.xls', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), code: 'not_text', line: 1, column: 1 },
  { id: 'pdf-report', what: 'a PDF report', name: 'report.pdf', bytes: b('%PDF-1.7\n%âãÏÓ\n'), code: 'not_text', line: 1, column: 1 },
  { id: 'gzip', what: 'a compressed download (.csv.gz) not unpacked', name: 'export.csv.gz', bytes: Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]), code: 'not_text', line: 1, column: 1 },
  { id: 'nul-bytes', what: 'binary NUL bytes inside the text', name: 'x.csv', bytes: b(`${XD}2026-04-01,1\u0000\u0000\u0000,1,1,0,0\n`), code: 'not_text', line: 2, column: 1 },
  { id: 'encoding-option', what: '--encoding names an unknown encoding', name: 'x.csv', bytes: b(XD + ok.xd), options: { encoding: 'latin-9' }, code: 'bad_encoding_option', line: 1, column: 1 },
  { id: 'wrong-encoding', what: 'a Shift_JIS file forced to read as UTF-8', name: 'sjis.csv', bytes: iconv.encode('日付,区分,金額\n２０２６年４月１日,広告,１２０００\n2026/4/2,広告,３００００\n'.repeat(3), 'cp932'), options: { encoding: 'utf-8' }, code: 'decode_failed', line: 1, column: 1 },
  { id: 'comments-only', what: 'only # comment lines, no header', name: 'ga4.csv', bytes: b('# GA4 export\n# no data\n\n'), code: 'no_header', line: 1, column: 1 },
  { id: 'unknown-kind', what: 'a header no preset knows', name: 'mystery.csv', bytes: b('foo,bar,baz\n1,2,3\n'), code: 'unknown_kind', line: 1, column: 1 },
  { id: 'paths-file', what: 'conversion-path data, which is not imported', name: 'paths.csv', bytes: b('path;total_conversions;total_conversion_value;total_null\na > b;1;2.5;3\n'), code: 'paths_file', line: 1, column: 1 },
  { id: 'kind-option', what: '--kind names an unknown kind', name: 'x.csv', bytes: b(XD + ok.xd), options: { kind: 'tweets' }, code: 'bad_kind_option', line: 1, column: 1 },
  { id: 'missing-column', what: 'a required column is missing (x-posts without its date)', name: 'posts.csv', bytes: b('Post id,Day,Post text,Link,Impressions\n1,2026-04-01,a,b,3\n'), code: 'missing_column', line: 1, column: 1 },
  { id: 'missing-one-of', what: 'touchpoints with neither person_id nor email', name: 'tp.csv', bytes: b('occurred_at,channel,source\n2026-04-01,x,x\n'), options: { kind: 'touchpoints' }, code: 'missing_one_of', line: 1, column: 1 },
  { id: 'map-unknown-header', what: '--map names a header that is not in the file', name: 'x.csv', bytes: b(XD + ok.xd), options: { map: { impressions: 'Views' } }, code: 'map_unknown_header', line: 1, column: 1 },
  { id: 'map-unknown-field', what: '--map names a field the kind does not have', name: 'x.csv', bytes: b(XD + ok.xd), options: { map: { revenue: 'Likes' } }, code: 'map_unknown_field', line: 1, column: 1 },
  { id: 'truncated-quote', what: 'the file ends inside a quoted value (cut-off download)', name: 'posts.csv', bytes: b(`${XP}${ok.xp}1900000000000000002,2026-04-02 09:00 +0000,"a post that is cut`), code: 'unclosed_quote', line: 3, column: 3 },
  { id: 'truncated-row', what: 'the last row is cut short', name: 'search.csv', bytes: b(`${SC}${ok.sc}2026-04-02,5,1`), code: 'short_row', line: 3, column: 4 },
  { id: 'stray-quote', what: 'a double quote in the middle of an unquoted value', name: 'search.csv', bytes: b(`${SC}2026-04-01,3,10"0,3%,4.5\n`), code: 'bad_quote', line: 2, column: 3 },
  { id: 'text-after-quote', what: 'text right after a closing quote', name: 'search.csv', bytes: b(`${SC}2026-04-01,"3"x,100,3%,4.5\n`), code: 'bad_quote', line: 2, column: 2 },
  { id: 'unquoted-comma', what: 'a value with an unquoted comma makes the row too long', name: 'search.csv', bytes: b(`${SC}2026-04-01,3,100,3%,4.5,extra\n`), code: 'long_row', line: 2, column: 6 },
  { id: 'header-only', what: 'a header and no data rows', name: 'search.csv', bytes: b(SC), code: 'no_rows', line: 2, column: 1 },
  { id: 'count-not-number', what: 'text in a count column', name: 'daily.csv', bytes: b(`${XD}2026-04-01,many,1,5,0,0\n`), code: 'bad_number', line: 2, column: 2 },
  { id: 'count-fraction', what: 'a fraction in a count column', name: 'daily.csv', bytes: b(`${XD}2026-04-01,10.5,1,5,0,0\n`), code: 'bad_integer', line: 2, column: 2 },
  { id: 'count-negative', what: 'a negative count', name: 'daily.csv', bytes: b(`${XD}2026-04-01,-10,1,5,0,0\n`), code: 'negative', line: 2, column: 2 },
  { id: 'date-garbage', what: 'a date column with text', name: 'daily.csv', bytes: b(`${XD}${ok.xd}last tuesday,100,1,5,0,0\n`), code: 'bad_date', line: 3, column: 1 },
  { id: 'date-us-order', what: 'a month-first US date (ambiguous)', name: 'search.csv', bytes: b(`${SC}04/01/2026,3,100,3%,4.5\n`), code: 'bad_date', line: 2, column: 1 },
  { id: 'date-impossible', what: 'a day that does not exist (Feb 30)', name: 'search.csv', bytes: b(`${SC}2026-02-30,3,100,3%,4.5\n`), code: 'bad_date', line: 2, column: 1 },
  { id: 'post-time-garbage', what: 'an X post time that is not a time', name: 'posts.csv', bytes: b(`${XP}1900000000000000001,soon,hello,https://x.com/a/status/1900000000000000001,10,1\n`), code: 'bad_date', line: 2, column: 2 },
  { id: 'post-id-excel', what: 'a post id Excel rounded to 1.9E+18, with no link to recover it', name: 'posts.csv', bytes: b(`${XP}1.9E+18,2026-04-01,hello,,10,1\n`), code: 'excel_id', line: 2, column: 1 },
  { id: 'deal-id-excel', what: 'a deal id Excel rounded to 1.92237E+11', name: 'deals.csv', bytes: b(`${DEALS}1.92237E+11,A,Closed Won,100,2026-04-01,true,,\n`), code: 'excel_id', line: 2, column: 1 },
  { id: 'contact-ids-excel', what: 'associated contact ids rounded by Excel', name: 'deals.csv', bytes: b(`${DEALS}5001,A,Closed Won,100,2026-04-01,true,3.45868E+11,\n`), code: 'excel_id', line: 2, column: 7 },
  { id: 'bool-garbage', what: 'a yes/no column with another word', name: 'deals.csv', bytes: b(`${DEALS}5001,A,Closed Won,100,2026-04-01,maybe,,\n`), code: 'bad_bool', line: 2, column: 6 },
  { id: 'money-garbage', what: 'an amount written in words', name: 'deals.csv', bytes: b(`${DEALS}5001,A,Closed Won,about 500,2026-04-01,true,,\n`), code: 'bad_number', line: 2, column: 4 },
  { id: 'stage-date-garbage', what: 'a stage-history date that is not a date', name: 'deals.csv', bytes: b(`${DEALS}5001,A,Closed Won,100,2026-04-01,true,,someday\n`), code: 'bad_date', line: 2, column: 8 },
  { id: 'email-garbage', what: 'an e-mail column with something else', name: 'contacts.csv', bytes: b(`${CONTACTS}7001,Hanako,hanako at example,lead,2026-04-01\n`), code: 'bad_email', line: 2, column: 3 },
  { id: 'required-empty', what: 'a required value left empty', name: 'search.csv', bytes: b(`${SC}${ok.sc},3,100,3%,4.5\n`), code: 'missing_value', line: 3, column: 1 },
  { id: 'ctr-garbage', what: 'a percent column with text', name: 'search.csv', bytes: b(`${SC}2026-04-01,3,100,high,4.5\n`), code: 'bad_number', line: 2, column: 4 },
  { id: 'cost-category', what: 'a cost category xroi does not know', name: 'costs.csv', bytes: b(`${COSTS}2026-04,snacks,3000,,\n`), code: 'bad_category', line: 2, column: 2 },
  { id: 'cost-no-amount', what: 'a cost row with neither amount nor hours', name: 'costs.csv', bytes: b(`${COSTS}2026-04,tools,,,\n`), code: 'amount_or_hours', line: 2, column: 3 },
  { id: 'cost-period-reversed', what: 'a cost period that ends before it starts', name: 'costs.csv', bytes: b(`${COSTS}2026-04-10,tools,3000,,2026-04-01\n`), code: 'period_end_before_start', line: 2, column: 5 },
  { id: 'cost-hours-negative', what: 'negative staff hours', name: 'costs.csv', bytes: b(`${COSTS}2026-04-10,labor,,-3,\n`), code: 'negative', line: 2, column: 4 },
  { id: 'cost-date-garbage', what: 'a cost date that is not a date', name: 'costs.csv', bytes: b(`${COSTS}Q2,tools,3000,,\n`), code: 'bad_date', line: 2, column: 1 },
  { id: 'touch-time-garbage', what: 'a touch time that is not a time', name: 'tp.csv', bytes: b(`${TP}7001,tomorrow,x\n`), code: 'bad_date', line: 2, column: 2 },
  { id: 'ads-spend-garbage', what: 'ad spend that is not a number', name: 'ads.csv', bytes: b(`${ADS}7,2026-04-01,twelve,100,\n`), code: 'bad_number', line: 2, column: 3 },
  { id: 'retention-negative', what: 'a negative retention period', name: 'ret.csv', bytes: b(`${RET}2025-04,-1,20\n`), code: 'negative', line: 2, column: 2 },
  { id: 'post-impressions-empty', what: 'an X post row with its impressions missing', name: 'posts.csv', bytes: b(`${XP}1900000000000000001,2026-04-01 09:00 +0000,hello,https://x.com/a/status/1900000000000000001,,1\n`), code: 'missing_value', line: 2, column: 5 },
  { id: 'quoted-newline-then-bad', what: 'a bad value after a quoted multi-line value (line counted right)', name: 'posts.csv', bytes: b(`${XP}1900000000000000001,2026-04-01 09:00 +0000,"line one\nline two\nline three",https://x.com/a/status/1900000000000000001,ten,1\n`), code: 'bad_number', line: 2, column: 5 },
  { id: 'sjis-bad-value', what: 'a bad value in a Shift_JIS file with Japanese headers', name: 'costs-sjis.csv', bytes: iconv.encode('日付,区分,金額\r\n2026/4/1,広告,１２万円\r\n', 'cp932'), code: 'bad_number', line: 2, column: 3 },
  { id: 'utf16-bad-value', what: 'a bad value in a UTF-16 tab-separated file', name: 'search16.csv', bytes: iconv.encode(`Date\tClicks\tImpressions\tCTR\tPosition\r\n2026-04-01\tthree\t100\t3%\t4.5\r\n`, 'utf-16le', { addBOM: true }), code: 'bad_number', line: 2, column: 2 },
  { id: 'many-bad-rows', what: 'hundreds of bad rows (stops after 100, first one located)', name: 'daily.csv', bytes: b(XD + 'x,1,1,1,0,0\n'.repeat(300)), code: 'bad_date', line: 2, column: 1 },
];
