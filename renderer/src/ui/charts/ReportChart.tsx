// A report's chart on screen and in the print route: drawn as SVG (a printout stays vector), as wide as its container,
// at once and finished (no animation), with the page's fonts; data-chart-drawn says it is on the page.
import { useEffect, useRef } from 'react';
import { init } from 'echarts/core';
import type { ChartSpec } from '../../../../db/domain/report';
import { chartHeight, chartOption } from './option';

export function ReportChart({ spec, height }: { spec: ChartSpec; height?: number }) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current!;
    const chart = init(el, null, { renderer: 'svg' });
    chart.setOption(chartOption(spec, getComputedStyle(el).fontFamily));
    // Drawn now rather than on the next frame: a print or a screenshot taken next sees the whole chart.
    chart.getZr().refreshImmediately();
    el.dataset.chartDrawn = 'true';
    const resized = new ResizeObserver(() => chart.resize());
    resized.observe(el);
    return () => {
      resized.disconnect();
      chart.dispose();
      delete el.dataset.chartDrawn;
    };
  }, [spec]);

  return (
    <div
      ref={box}
      className="report-chart"
      data-chart={spec.id}
      role="img"
      aria-label={spec.title}
      style={{ width: '100%', height: height ?? chartHeight(spec) }}
    />
  );
}
