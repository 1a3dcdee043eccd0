-- What other modules may read of the accounts: views owned by access, so that a module never
-- names `users` or `user_roles` in its SQL (and never sees a password hash or a TOTP secret).
-- `security_invoker` makes a view check the reader's own privileges and row-level security on the
-- tables below it, so a view never widens what the reader may see.

-- An account as other modules know it: its name for display, its e-mail address (for the
-- notices it receives), its organisation and whether it is active.
CREATE VIEW access_users_v WITH (security_invoker = true) AS
  SELECT u.id, u.display_name, u.email, u.organisation_id, u.status
    FROM users u;

-- The roles of each account.
CREATE VIEW access_user_roles_v WITH (security_invoker = true) AS
  SELECT r.user_id, r.role
    FROM user_roles r;

GRANT SELECT ON access_users_v, access_user_roles_v TO incas_app;
