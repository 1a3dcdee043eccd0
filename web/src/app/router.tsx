import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth';
import { HomePage } from '../features/home';
import { ComuneDetailPage, ComuniListPage } from '../features/registry';
import { OrganisationCreatePage, OrganisationDetailPage, OrganisationsListPage } from '../features/organisations';
import { UserCreatePage, UserDetailPage, UsersListPage } from '../features/users';
import { AuditPage } from '../features/audit';
import { ProfilePage } from '../features/profile';
import { CaseCreatePage, CaseDetailPage, CasesListPage, PaiPage, ReferralsPage } from '../features/cases';
import { BudgetPage, ComparativePage, IssuesPage, TasksPanel } from '../features/monitoring';
import { AccessibilityPage, LegalNotesPage, PrivacyPage } from '../features/legal';
import { Permission } from '../lib/permissions';
import { Layout } from './Layout';
import { RequireAuth, RequirePermission } from './RequireAuth';
import { NotFound, RouteError } from './StatusPages';

const canReadOrganisations = [Permission.organisationsRead, Permission.organisationsManage];

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      // Public pages.
      { path: 'login', element: <LoginPage /> },
      { path: 'accessibilita', element: <AccessibilityPage /> },
      { path: 'privacy', element: <PrivacyPage /> },
      { path: 'note-legali', element: <LegalNotesPage /> },
      // Everything else needs a session.
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomePage tasksPanel={<TasksPanel />} /> },
          {
            path: 'comuni',
            element: (
              <RequirePermission permission={Permission.registryRead}>
                <ComuniListPage />
              </RequirePermission>
            ),
          },
          {
            path: 'comuni/:istatCode',
            element: (
              <RequirePermission permission={Permission.registryRead}>
                <ComuneDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: 'organizzazioni',
            element: (
              <RequirePermission permission={canReadOrganisations}>
                <OrganisationsListPage />
              </RequirePermission>
            ),
          },
          {
            path: 'organizzazioni/nuova',
            element: (
              <RequirePermission permission={Permission.organisationsManage}>
                <OrganisationCreatePage />
              </RequirePermission>
            ),
          },
          {
            path: 'organizzazioni/:id',
            element: (
              <RequirePermission permission={canReadOrganisations}>
                <OrganisationDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: 'utenti',
            element: (
              <RequirePermission permission={Permission.usersManage}>
                <UsersListPage />
              </RequirePermission>
            ),
          },
          {
            path: 'utenti/nuovo',
            element: (
              <RequirePermission permission={Permission.usersManage}>
                <UserCreatePage />
              </RequirePermission>
            ),
          },
          {
            path: 'utenti/:id',
            element: (
              <RequirePermission permission={Permission.usersManage}>
                <UserDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequirePermission permission={Permission.auditRead}>
                <AuditPage />
              </RequirePermission>
            ),
          },
          {
            path: 'casi',
            element: (
              <RequirePermission permission={Permission.pilotCasesRead}>
                <CasesListPage />
              </RequirePermission>
            ),
          },
          {
            path: 'casi/nuovo',
            element: (
              <RequirePermission permission={Permission.pilotCasesWrite}>
                <CaseCreatePage />
              </RequirePermission>
            ),
          },
          {
            path: 'casi/:caseId',
            element: (
              <RequirePermission permission={Permission.pilotCasesRead}>
                <CaseDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: 'pai/:paiId',
            element: (
              <RequirePermission permission={Permission.pilotCasesRead}>
                <PaiPage />
              </RequirePermission>
            ),
          },
          {
            path: 'segnalazioni',
            element: (
              <RequirePermission permission={Permission.pilotCasesRead}>
                <ReferralsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'quadro-comparativo',
            element: (
              <RequirePermission permission={Permission.pilotComparativeRead}>
                <ComparativePage />
              </RequirePermission>
            ),
          },
          {
            path: 'budget',
            element: (
              <RequirePermission permission={Permission.pilotBudgetRead}>
                <BudgetPage />
              </RequirePermission>
            ),
          },
          {
            path: 'criticita',
            element: (
              <RequirePermission permission={Permission.pilotIssuesRead}>
                <IssuesPage />
              </RequirePermission>
            ),
          },
          { path: 'profilo', element: <ProfilePage /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
