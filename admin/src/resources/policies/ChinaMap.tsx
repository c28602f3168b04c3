import { useMemo } from 'react';
import { useTranslate } from 'react-admin';
import { EChart, type EChartsOption } from '../../charts/EChart';
import type { ProvincePolicyStatus } from '../../providers/dataProvider';
import { codeOfMapName, mapNameOf, SHARING_COLORS, SHARING_LEVELS, sharingLevel } from './sharing';

const LEVEL_VALUE = { CROSS: 2, INTRA: 1, LOCAL: 0 } as const;

/** The provinces coloured by how far their members may share (E7); a click selects a province. */
export function ChinaMap({ rows, selected, onSelect, height = 560 }: { rows: ProvincePolicyStatus[]; selected?: string | null; onSelect?: (code: string) => void; height?: number }) {
  const translate = useTranslate();
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data?: { level?: string; version?: number; effectiveFrom?: string } }) =>
          p.data?.level ? `${p.name}<br/>${translate(`gongji.policy_map.level.${p.data.level}`)}<br/>${translate("gongji.policy.version_n", { version: p.data.version })} · ${p.data.effectiveFrom}` : p.name,
      },
      visualMap: {
        type: 'piecewise',
        left: 16,
        bottom: 16,
        pieces: SHARING_LEVELS.map((l) => ({ value: LEVEL_VALUE[l], label: translate(`gongji.policy_map.level.${l}`), color: SHARING_COLORS[l] })),
      },
      series: [
        {
          type: 'map',
          map: 'china',
          roam: false,
          // The selection is drawn as a thick outline so the province keeps its status colour.
          selectedMode: false,
          label: { show: true, fontSize: 10, color: '#333' },
          emphasis: { label: { show: true, fontWeight: 'bold' }, itemStyle: { areaColor: undefined, borderColor: '#ff9800', borderWidth: 2 } },
          itemStyle: { borderColor: '#fff', borderWidth: 0.8, areaColor: '#eeeeee' },
          data: rows
            .map((r) => {
              const name = mapNameOf(r.provinceCode);
              const level = sharingLevel(r);
              const isSelected = r.provinceCode === selected;
              return name
                ? {
                    name,
                    value: LEVEL_VALUE[level],
                    level,
                    version: r.version,
                    effectiveFrom: r.effectiveFrom,
                    ...(isSelected ? { itemStyle: { borderColor: '#e65100', borderWidth: 3 }, label: { fontWeight: 'bold', color: '#000' } } : {}),
                  }
                : null;
            })
            .filter(Boolean),
        },
      ],
    }),
    [rows, selected, translate],
  );
  return <EChart option={option} height={height} testId="china-map" onClick={(p) => { const code = codeOfMapName(p.name); if (code) onSelect?.(code); }} />;
}
