export { barChart, type BarDatum, type BarOptions } from './bar.js';
export { funnelChart, type FunnelStage, type FunnelOptions } from './funnel.js';
export { histogramChart, type HistogramBin, type HistogramMarker, type HistogramOptions } from './histogram.js';
export { lineBandChart, type LineBandPoint, type LineBandOptions } from './line-band.js';
export { tornadoChart, type TornadoItem, type TornadoOptions } from './tornado.js';
export { waterfallChart, type WaterfallStep, type WaterfallOptions } from './waterfall.js';
export { FONT_STACK, palette } from './svg.js';
