/** The option object handed to echarts (typed loosely so that the chart wrapper does not import echarts). */
export type EChartsOption = Record<string, unknown>;

export interface EChartProps {
  option: EChartsOption;
  height?: number | string;
  onClick?: (params: { name?: string; data?: unknown }) => void;
  testId?: string;
}
