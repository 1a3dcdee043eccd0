-- The seats taken of an event, for the public site (issue 14 item 1; decision 0055). The public
-- pages run with the anonymous scope, which reads no registration (they hold personal data: 0037's
-- policies). This function runs as its owner and returns only a number: the CONFERMATA
-- registrations of one event, and only for an event the caller may see by the rule of 0037's
-- `evt_read` policy on evt_events (published, or any for the national, platform and system
-- scopes); null for a draft the caller may not see or an event that does not exist.
CREATE FUNCTION evt_seats_taken(p_event uuid)
  RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT (SELECT count(*)::integer FROM evt_registrations r WHERE r.event_id = e.id AND r.status = 'CONFERMATA')
      FROM evt_events e
     WHERE e.id = p_event
       AND (e.status <> 'BOZZA' OR incas_setting('scope') IN ('national', 'platform', 'system'))
  $$;

REVOKE ALL ON FUNCTION evt_seats_taken(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION evt_seats_taken(uuid) TO incas_app;
