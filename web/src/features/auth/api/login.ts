import { api, unwrap } from '../../../api/client';
import type { LoginBody, Me } from '../../../api/models';

export function login(body: LoginBody): Promise<Me> {
  return unwrap(api.POST('/api/v1/auth/login', { body }));
}
