// One ECharts option for a ChartSpec, for the screen (SVG, a print stays vector) and the Word export's PNG (canvas):
// only the bar chart and the components it needs are bundled; nothing is fetched, the fonts are the page's own.
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { ChartSpec } from '../../../../db/domain/report';

use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer, CanvasRenderer]);

type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption | TooltipComponentOption>;

/** Room for the title, and the legend when there are several series, above the bars. */
const topOf = (spec: ChartSpec): number => (spec.series.length > 1 ? 76 : 48);

/** A chart's height when its container does not give one: an hbar per row, columns at a readable height. */
export const chartHeight = (spec: ChartSpec): number => (spec.type === 'hbars' ? topOf(spec) + 48 + 26 * spec.categories.length : 320);

export function chartOption(spec: ChartSpec, fontFamily: string): ChartOption {
  const horizontal = spec.type === 'hbars';
  const categoryAxis = { type: 'category' as const, data: spec.categories, inverse: horizontal, axisLabel: { interval: 0, hideOverlap: !horizontal } };
  // A horizontal bar's number sits after its end: room for it, and the unit under the axis rather than past its end.
  const valueAxis = {
    type: 'value' as const,
    name: spec.unit,
    minInterval: 1,
    ...(horizontal ? { boundaryGap: [0, '12%'] as [number, string], nameLocation: 'middle' as const, nameGap: 26 } : {}),
  };
  const text = { fontFamily };
  return {
    // Prints and screenshots must show the chart as it ends, never a frame of it growing.
    animation: false,
    textStyle: text,
    title: { text: spec.title, left: 'center', top: 4, textStyle: { ...text, fontSize: 14 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => `${String(value)} ${spec.unit}` },
    legend: { show: spec.series.length > 1, top: 34, textStyle: text },
    // ECharts 6 keeps the axis labels inside the chart by itself (outerBounds).
    grid: { top: topOf(spec), left: 12, right: 36, bottom: horizontal ? 36 : 12 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      ...(spec.type === 'stacked' ? { stack: 'total' } : {}),
      barMaxWidth: 36,
      // Every number on its bar (a zero draws no bar, so says nothing); crowded months hide what would overlap.
      label: {
        show: true,
        position: spec.type === 'stacked' ? 'inside' : horizontal ? 'right' : 'top',
        fontFamily,
        formatter: ({ value }) => (value === 0 ? '' : String(value)),
      },
      labelLayout: { hideOverlap: true },
    })),
  };
}
