import { Box, Skeleton } from '@mui/material';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { EChartProps } from './echart-types';

export type { EChartProps, EChartsOption } from './echart-types';

// echarts (and the China map) load only when a chart is first drawn: pages and panels around the
// charts render at once, each chart fills in when its chunk arrives.
const Impl = lazy(() => import('./EChartImpl'));

/**
 * The chart's chunk is requested only after the page around it has painted (two animation
 * frames after mount): parsing echarts and drawing takes the main thread for a few hundred
 * milliseconds, and the figures beside the charts (the home page's KPIs) must not wait for it.
 */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return painted;
}

/** One echarts chart (lazy): created on mount, updated with each new option, resized with its box. */
export function EChart(props: EChartProps) {
  const painted = useAfterFirstPaint();
  const skeleton = (
    <Box sx={{ width: '100%', height: props.height ?? 320 }}>
      <Skeleton variant="rectangular" width="100%" height="100%" />
    </Box>
  );
  if (!painted) return skeleton;
  return (
    <Suspense fallback={skeleton}>
      <Impl {...props} />
    </Suspense>
  );
}
