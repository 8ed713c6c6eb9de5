// A report's chart as a PNG for the Word document (a .docx takes images): the same option as on screen, drawn
// offscreen on a canvas at twice the pixels so it stays sharp when printed from Word.
import { init } from 'echarts/core';
import type { ChartSpec } from '../../../../db/domain/report';
import { chartOption } from './option';

/** The chart at widthPx x heightPx (CSS pixels), as base64 PNG without the data: prefix. */
export async function chartPng(spec: ChartSpec, widthPx: number, heightPx: number): Promise<string> {
  // A canvas draws text in fonts already loaded; the page's own (Noto CJK here) are, once this resolves.
  await document.fonts.ready;
  const chart = init(document.createElement('div'), null, { renderer: 'canvas', width: widthPx, height: heightPx, devicePixelRatio: 2 });
  try {
    chart.setOption(chartOption(spec, getComputedStyle(document.body).fontFamily));
    const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    return url.slice(url.indexOf(',') + 1);
  } finally {
    chart.dispose();
  }
}
