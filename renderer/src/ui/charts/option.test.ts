// The chart option draws what the spec says: ECharts' own server-side SVG of it shows each bar's number (not a
// zero's), the unit on the value axis, the title, the stacked bars stacked and the late copies top down.
import { describe, expect, it } from 'vitest';
import { init } from 'echarts/core';
import type { ChartSpec } from '../../../../db/domain/report';
import { chartOption } from './option';

function svgOf(spec: ChartSpec): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 400 });
  chart.setOption(chartOption(spec, 'Noto Sans CJK SC'));
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('chartOption', () => {
  it('labels each bar with its number, none for a zero, and the value axis with the unit', () => {
    const spec: ChartSpec = {
      id: 'm',
      type: 'bars',
      title: '各月流转（份数）',
      unit: '份',
      categories: ['1月', '2月'],
      series: [{ name: '收到密件', values: [17, 0] }],
    };
    const svg = svgOf(spec);
    const words = texts(svg);
    expect(words).toEqual(expect.arrayContaining(['各月流转（份数）', '份', '17', '1月', '2月']));
    expect(svg).toContain('Noto Sans CJK SC');
    const [series] = chartOption(spec, 'x').series as { label: { formatter: (p: { value: number }) => string } }[];
    expect([17, 0].map((value) => series!.label.formatter({ value }))).toEqual(['17', '']);
  });

  it('stacks the series of a stacked chart and lists the latest late copy at the top', () => {
    const stacked = chartOption(
      {
        id: 's',
        type: 'stacked',
        title: 't',
        unit: '份',
        categories: ['机密'],
        series: [
          { name: '在柜', values: [4] },
          { name: '借出', values: [2] },
        ],
      },
      'x',
    );
    expect((stacked.series as { stack?: string }[]).map((s) => s.stack)).toEqual(['total', 'total']);
    const late = chartOption({ id: 'l', type: 'hbars', title: 't', unit: '天', categories: ['a', 'b'], series: [{ name: '逾期归还', values: [12, 3] }] }, 'x');
    expect(late.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['a', 'b'] });
    expect(late.xAxis).toMatchObject({ type: 'value', name: '天' });
    expect(late.animation).toBe(false);
  });
});
