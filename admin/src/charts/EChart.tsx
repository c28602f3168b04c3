import { Box, useTheme } from '@mui/material';
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

export type EChartsOption = echarts.EChartsCoreOption;

/**
 * One echarts instance bound to a div: created on mount, given each new option (replacing the
 * previous one), resized with its container, disposed on unmount.
 */
export function EChart({ option, height = 320, onClick, testId }: { option: EChartsOption; height?: number | string; onClick?: (params: { name?: string; data?: unknown }) => void; testId?: string }) {
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
    chart.current?.setOption({ backgroundColor: 'transparent', ...option }, { notMerge: true });
  }, [option, dark]);

  return <Box ref={ref} data-testid={testId} sx={{ width: '100%', height }} />;
}
