import { Alert, Box, Button, Card, CardContent, CardHeader, Chip, Stack, Typography } from '@mui/material';
import type { StaffPermission, StaffRole } from '@gongji/shared';
import { LinkBase, Title, useCreatePath, useGetIdentity, useLocale, usePermissions, useTranslate } from 'react-admin';
import { visibleResources } from '../access';
import { useEnumLabel } from '../components/fields';
import { formatScope } from '../format';

interface Perms {
  roles: StaffRole[];
  permissions: StaffPermission[];
  scope: string | null;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack direction="row" spacing={2} sx={{ py: 0.75, alignItems: 'center' }}>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 96 }}>
        {label}
      </Typography>
      <Box>{children}</Box>
    </Stack>
  );
}

/** Placeholder dashboard: who you are, what you may do. Charts come later. */
export function Dashboard() {
  const translate = useTranslate();
  const locale = useLocale();
  const label = useEnumLabel();
  const createPath = useCreatePath();
  const { identity } = useGetIdentity();
  const { permissions, isPending } = usePermissions<Perms>();
  const resources = visibleResources(permissions);

  return (
    <Box sx={{ mt: 2, maxWidth: 720 }}>
      <Title title={translate('gongji.app.title')} />
      <Card>
        <CardHeader title={translate('gongji.dashboard.welcome')} subheader={identity?.fullName ? translate('gongji.dashboard.greeting', { name: identity.fullName }) : undefined} />
        <CardContent>
          {!isPending && permissions && (
            <>
              <Row label={translate('gongji.dashboard.roles')}>
                {permissions.roles.length ? (
                  <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                    {permissions.roles.map((r) => (
                      <Chip key={r} color="primary" label={label('staffRole', r)} />
                    ))}
                  </Stack>
                ) : (
                  <Typography variant="body2">{translate('gongji.dashboard.none')}</Typography>
                )}
              </Row>
              <Row label={translate('gongji.dashboard.scope')}>
                <Typography variant="body2">{formatScope(permissions.scope, locale)}</Typography>
              </Row>
              <Row label={translate('gongji.dashboard.permissions')}>
                <Typography variant="body2">
                  {permissions.permissions.length ? permissions.permissions.map((p) => label('staffPermission', p)).join('、') : translate('gongji.dashboard.none')}
                </Typography>
              </Row>
              {!permissions.roles.length && (
                <Alert severity="warning" sx={{ mt: 2 }}>
                  {translate('gongji.dashboard.no_roles')}
                </Alert>
              )}
              {resources.length > 0 && (
                <Box sx={{ mt: 2 }}>
                  <Typography variant="subtitle2" gutterBottom>
                    {translate('gongji.dashboard.shortcuts')}
                  </Typography>
                  <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                    {resources.map((r) => (
                      <Button key={r} variant="outlined" size="small" component={LinkBase} to={createPath({ resource: r, type: 'list' })}>
                        {translate(`resources.${r}.name`, { smart_count: 2 })}
                      </Button>
                    ))}
                  </Stack>
                </Box>
              )}
              <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 2 }}>
                {translate('gongji.dashboard.charts_later')}
              </Typography>
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
