/** Layout helpers for show pages: titled sections and a wrapping grid of labelled fields. */
import { Box, Divider, Typography } from '@mui/material';
import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';
import { Labeled, useTranslate } from 'react-admin';

export function Section({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mb: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {translate(title)}
        </Typography>
        {action}
      </Box>
      <Divider sx={{ mb: 1.5 }} />
      {children}
    </Box>
  );
}

/** Each field child gets its label (from `resources.<r>.fields.<source>` or its `label`). */
export function FieldGrid({ children }: { children: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 5, rowGap: 1.5, mb: 1 }}>
      {Children.map(children, (child) => {
        if (!isValidElement(child)) return child;
        const el = child as ReactElement<{ source?: string; label?: unknown }>;
        if (el.type === Labeled || (!el.props.source && !el.props.label)) return el;
        return <Labeled>{el}</Labeled>;
      })}
    </Box>
  );
}

export function Muted({ text }: { text: string }) {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate(text)}
    </Typography>
  );
}

export function ShowBody({ children }: { children: ReactNode }) {
  return <Box sx={{ p: 2 }}>{children}</Box>;
}
