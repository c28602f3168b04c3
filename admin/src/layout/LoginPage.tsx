import { Alert, Box, Typography } from '@mui/material';
import { useState } from 'react';
import { takeLogoutReason } from '../providers/session';
import LockIcon from '@mui/icons-material/Lock';
import { LocalesMenuButton, Login, LoginForm, useTranslate } from 'react-admin';

/** react-admin's login form with the platform's name above it (texts follow the locale). */
export function LoginPage() {
  const translate = useTranslate();
  const [reason] = useState(takeLogoutReason);
  return (
    <Login avatarIcon={<LockIcon />}>
      {reason && (
        <Alert severity="warning" sx={{ mx: 2, mt: 1 }} data-testid="logout-reason">
          {translate(`gongji.app.logout_${reason}`)}
        </Alert>
      )}
      <Box sx={{ textAlign: 'center', px: 2 }}>
        <Typography variant="h6" component="h1">
          {translate('gongji.app.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('gongji.app.login_hint')}
        </Typography>
      </Box>
      <LoginForm />
      <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
}
