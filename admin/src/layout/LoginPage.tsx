import { Box, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { LocalesMenuButton, Login, LoginForm, useTranslate } from 'react-admin';

/** react-admin's login form with the platform's name above it (texts follow the locale). */
export function LoginPage() {
  const translate = useTranslate();
  return (
    <Login avatarIcon={<LockIcon />}>
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
