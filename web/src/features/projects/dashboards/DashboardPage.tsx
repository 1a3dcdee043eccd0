/**
 * `/progetti/cruscotto`: the national dashboard for ANCI/Cittalia, MLPS and a Regione, the
 * Comune's own for its staff (no role holds both permissions).
 */
import { hasPermission, useSession } from '../../../lib/session';
import { Permission } from '../../../lib/permissions';
import { ComuneDashboard } from './ComuneDashboard';
import { NationalDashboard } from './NationalDashboard';

export function DashboardPage() {
  const me = useSession();
  return hasPermission(me, Permission.projectsDashboardsNational) ? <NationalDashboard /> : <ComuneDashboard />;
}
