/**
 * A7: change the password — required after the first sign-in and after a reset (the server refuses
 * everything else until then), and available any time. Rules are checked by the server; its message
 * is shown as is.
 */
import { Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useNotify, useRedirect } from 'react-admin';
import { graphql } from '../gql';
import { gqlRequest } from '../providers/graphqlClient';
import { forgetViewer } from '../providers/authProvider';

export const CHANGE_PASSWORD = graphql(`
  mutation Admin_changePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export function ChangePasswordPage() {
  const notify = useNotify();
  const redirect = useRedirect();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (next !== again) return setError('两次输入的新密码不一致');
    setBusy(true);
    try {
      await gqlRequest(CHANGE_PASSWORD, { input: { currentPassword: current, newPassword: next } });
      forgetViewer();
      notify('密码已修改', { type: 'success' });
      redirect('/');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', mt: 6 }}>
      <Card sx={{ width: 420 }}>
        <CardContent component="form" onSubmit={submit}>
          <Typography variant="h6" gutterBottom>
            修改密码
          </Typography>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            首次登录或密码被重置后，须先设置新密码。新密码至少 12 位，包含大写字母、小写字母、数字、符号中的至少 3 类，且不得包含用户名。
          </Typography>
          <TextField label="当前密码" type="password" autoComplete="current-password" fullWidth margin="dense" value={current} onChange={(e) => setCurrent(e.target.value)} required />
          <TextField label="新密码" type="password" autoComplete="new-password" fullWidth margin="dense" value={next} onChange={(e) => setNext(e.target.value)} required />
          <TextField label="再次输入新密码" type="password" autoComplete="new-password" fullWidth margin="dense" value={again} onChange={(e) => setAgain(e.target.value)} required />
          {error && (
            <Typography color="error" variant="body2" role="alert" sx={{ mt: 1 }}>
              {error}
            </Typography>
          )}
          <Button type="submit" variant="contained" disabled={busy} fullWidth sx={{ mt: 2 }}>
            确认修改
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
}

export default ChangePasswordPage;
