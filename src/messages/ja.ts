import type { MessageKey } from './en.js';

/** 日本語のメッセージ。キーとプレースホルダは en.ts と同じ（テストで確認）。 */
export const ja: Record<MessageKey, string> = {
  'cli.description': 'X（旧Twitter）のB2Bマーケティングの本当のROIを計算します。',
  'cli.error': 'エラー',
  'cli.hint': 'ヒント',
  'cli.bug': 'xroi のバグです。実行したコマンドを添えて報告してください: {url}',

  'init.written': '{file} を作成しました。前提値を編集してから実行してください: xroi import ファイル...',
  'init.exists': '{file} は既にあります。上書きするには --force を付けてください。',

  'report.title': 'xroi — Xアカウントの投資対効果',
  'report.period': '期間 {start} 〜 {end}（{currency}）',
  'report.traditional': '従来のROI',
  'report.true': '真のROI',
  'report.return': 'リターン',
  'report.cost': 'コスト',
  'report.returnBridge': 'リターンのブリッジ（従来 → 真）',
  'report.costBridge': 'コストのブリッジ（現金支出 → フルコスト）',
  'report.warnings': 'データ品質の注記',
  'report.jsonWritten': '結果オブジェクトを {file} に書き出しました',
  'report.notComputable': '算出不可',

  'bridge.traditional_return': '期間内に受注したラストタッチXの売上',
  'bridge.multi_touch': '＋ Xが関与した全商談へのマルチタッチ貢献',
  'bridge.gross_margin': '× 粗利率（売上 → 粗利）',
  'bridge.lifetime_value': '初年度売上の代わりに顧客生涯価値',
  'bridge.open_pipeline': '＋ Xが関与した進行中商談の期待値',
  'bridge.brand_lift': '＋ ブランドリフトの価値',
  'bridge.true_return': '真のリターン',
  'bridge.cash_spend': '現金支出（広告・ツール・制作・代理店）',
  'bridge.labor': '＋ 担当者の工数（人件費単価ベース）',
  'bridge.opportunity_cost': '＋ 機会費用',
  'bridge.full_cost': 'フルコスト',

  'reason.no_cost': '期間内のコストがありません。コストファイルを取り込むか、工数の前提を設定してください',
  'reason.no_deals': '商談データがありません。CRMの商談エクスポートを取り込んでください',
  'reason.no_won_in_period': '期間内に受注した商談がありません',
  'reason.no_lift_data': 'ブランドリフトを測る検索・Web系列がありません。search-daily か web-daily を取り込んでください',
  'reason.no_open_pipeline': 'Xが関与した進行中の商談がありません',
};
