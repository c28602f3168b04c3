import { Box, Skeleton } from '@mui/material';
import { lazy, Suspense } from 'react';

/** The option object handed to echarts (typed loosely so that this module does not import echarts). */
export type EChartsOption = Record<string, unknown>;

export interface EChartProps {
  option: EChartsOption;
  height?: number | string;
  onClick?: (params: { name?: string; data?: unknown }) => void;
  testId?: string;
}

// echarts (and the China map) load only when a chart is first drawn: pages and panels around the
// charts render at once, each chart fills in when its chunk arrives.
const Impl = lazy(() => import('./EChartImpl'));

/** One echarts chart (lazy): created on mount, updated with each new option, resized with its box. */
export function EChart(props: EChartProps) {
  return (
    <Suspense
      fallback={
        <Box sx={{ width: '100%', height: props.height ?? 320 }}>
          <Skeleton variant="rectangular" width="100%" height="100%" />
        </Box>
      }
    >
      <Impl {...props} />
    </Suspense>
  );
}
