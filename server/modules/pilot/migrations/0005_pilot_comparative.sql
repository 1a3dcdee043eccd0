-- Quadro comparativo of the pilot 18-ter Comuni (domain.md §7.5 item 1) and the pseudonymised rows
-- for ANCI/Cittalia technical assistance (security.md §4.2 point 8).
--
-- Row-level security keeps every Comune's case rows away from the other Comuni and from the
-- national and regional scopes. These two functions are the only way across: they run as their
-- owner (SECURITY DEFINER) and hand back, respectively, aggregates only (never a row about a
-- person) and pseudonymised rows without identity, free text or exact dates. Disclosure control
-- of the aggregates is applied by the application (pilot.disclosure.ts), which knows the viewer.

-- One row per (pilot Comune, metric), plus one per metric with comune_istat NULL: the total,
-- computed from the raw data (GROUP BY ROLLUP), never as a sum of rounded cells. `base` is the
-- number of persons a ratio or a median is computed over (NULL for plain counts and amounts).
-- Period: [p_from, p_to], both included. Finance is for the calendar year of p_to.
CREATE FUNCTION pilot_comparative_counts(p_from date, p_to date)
  RETURNS TABLE (comune_istat char(6), metric text, value numeric, base numeric)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
  AS $$
  #variable_conflict use_column
  DECLARE
    v_year integer;
  BEGIN
    -- every scope that reads the table is entitled to it (controlled for all but its own Comune);
    -- anything else (anonymous, an unknown scope) gets nothing
    IF incas_setting('scope') NOT IN ('comune', 'regione', 'national', 'platform', 'system') THEN
      RAISE EXCEPTION 'pilot_comparative_counts: scope not entitled' USING ERRCODE = '42501';
    END IF;
    IF p_from IS NULL OR p_to IS NULL OR p_from > p_to THEN
      RAISE EXCEPTION 'pilot_comparative_counts: invalid period' USING ERRCODE = '22023';
    END IF;
    v_year := extract(year FROM p_to)::integer;

    RETURN QUERY
    WITH pc AS (
      SELECT c.istat_code FROM comuni c WHERE c.pilot_18ter
    ),
    -- cases in charge at the end of the period
    in_charge AS (
      SELECT c.id, c.comune_istat FROM pilot_cases c
       WHERE c.opened_on <= p_to AND (c.closed_on IS NULL OR c.closed_on > p_to)
    ),
    intake AS (
      SELECT pc.istat_code AS k,
             count(r.id) AS referrals,
             count(r.id) FILTER (WHERE r.source = 'inl') AS ref_inl,
             count(r.id) FILTER (WHERE r.source IN ('forze_ordine', 'procura')) AS ref_ffoo_procura,
             count(r.id) FILTER (WHERE r.source = 'sindacato') AS ref_sindacato,
             count(r.id) FILTER (WHERE r.source = 'ente_antitratta') AS ref_antitratta,
             count(r.id) FILTER (WHERE r.source IN ('servizi_sociali', 'sai_cas')) AS ref_servizi,
             count(r.id) FILTER (WHERE r.source NOT IN ('inl', 'forze_ordine', 'procura', 'sindacato', 'ente_antitratta',
                                                        'servizi_sociali', 'sai_cas')) AS ref_altro,
             count(r.id) FILTER (WHERE r.outcome <> 'in_screening' AND r.outcome_on IS NOT NULL
                                   AND r.outcome_on - r.received_on <= 7) AS screened_7d,
             count(r.id) FILTER (WHERE r.sector = 'agricoltura') AS sector_agri
        FROM pc LEFT JOIN pilot_referrals r ON r.comune_istat = pc.istat_code AND r.received_on BETWEEN p_from AND p_to
       GROUP BY ROLLUP (pc.istat_code)
    ),
    cases AS (
      SELECT pc.istat_code AS k,
             count(c.id) FILTER (WHERE c.opened_on <= p_to AND (c.closed_on IS NULL OR c.closed_on > p_to)) AS holders_in_charge,
             count(c.id) FILTER (WHERE c.opened_on BETWEEN p_from AND p_to) AS cases_opened,
             count(c.id) FILTER (WHERE c.opened_on BETWEEN p_from AND p_to AND c.in_sai) AS in_sai,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY (c.opened_on - rr.received_on))
               FILTER (WHERE c.opened_on BETWEEN p_from AND p_to AND rr.id IS NOT NULL) AS median_ref_case,
             count(c.id) FILTER (WHERE c.opened_on BETWEEN p_from AND p_to AND rr.id IS NOT NULL) AS with_referral,
             count(c.id) FILTER (WHERE c.closed_on BETWEEN p_from AND p_to AND c.exit_reason = 'lavoro_autonomia') AS exit_lavoro,
             count(c.id) FILTER (WHERE c.closed_on BETWEEN p_from AND p_to AND c.exit_reason = 'trasferimento') AS exit_trasferimento,
             count(c.id) FILTER (WHERE c.closed_on BETWEEN p_from AND p_to AND c.exit_reason = 'abbandono') AS exit_abbandono,
             count(c.id) FILTER (WHERE c.closed_on BETWEEN p_from AND p_to AND c.exit_reason = 'revoca_art7') AS exit_revoca,
             count(c.id) FILTER (WHERE c.closed_on BETWEEN p_from AND p_to AND c.exit_reason = 'scadenza_permesso') AS exit_scadenza
        FROM pc LEFT JOIN (pilot_cases c LEFT JOIN pilot_referrals rr ON rr.id = c.referral_id)
          ON c.comune_istat = pc.istat_code
       GROUP BY ROLLUP (pc.istat_code)
    ),
    family AS (
      SELECT pc.istat_code AS k, count(DISTINCT m.person_id) AS family_with_permit
        FROM pc LEFT JOIN (pilot_case_members m JOIN in_charge ic ON ic.id = m.case_id)
          ON m.comune_istat = pc.istat_code AND m.role = 'familiare'
             AND EXISTS (SELECT 1 FROM pilot_permits pp WHERE pp.person_id = m.person_id AND pp.issued_on <= p_to)
       GROUP BY ROLLUP (pc.istat_code)
    ),
    -- a permit is live at p_to when issued, not yet expired, not revoked or converted by then
    permits AS (
      SELECT pc.istat_code AS k,
             count(p.id) FILTER (WHERE p.issued_on BETWEEN p_from AND p_to) AS permits_issued,
             count(p.id) FILTER (WHERE p.renewed_on BETWEEN p_from AND p_to) AS permits_renewed,
             count(p.id) FILTER (WHERE p.converted_on BETWEEN p_from AND p_to) AS permits_converted,
             count(p.id) FILTER (WHERE p.converted_on BETWEEN p_from AND p_to
                                   AND p.converted_to IN ('lavoro_subordinato', 'lavoro_autonomo')) AS conversions_work,
             count(p.id) FILTER (WHERE p.revoked_on BETWEEN p_from AND p_to) AS permits_revoked,
             -- expired in the period: not revoked or converted by p_to, and no renewal requested after
             -- the last grant (a pending renewal keeps the stay lawful: pilot.rules derivePermitStatus)
             count(p.id) FILTER (WHERE p.expires_on BETWEEN p_from AND p_to
                                   AND (p.revoked_on IS NULL OR p.revoked_on > p_to)
                                   AND (p.converted_on IS NULL OR p.converted_on > p_to)
                                   AND (p.renewal_requested_on IS NULL OR p.renewal_requested_on > p_to
                                        OR p.renewal_requested_on <= coalesce(p.renewed_on, p.issued_on))) AS permits_expired,
             count(p.id) FILTER (WHERE live AND p.expires_on <= p_to + 30) AS expiring_30,
             count(p.id) FILTER (WHERE live AND p.expires_on <= p_to + 60) AS expiring_60,
             count(p.id) FILTER (WHERE live AND p.expires_on <= p_to + 90) AS expiring_90
        FROM pc LEFT JOIN (
               SELECT p.*, (p.issued_on <= p_to AND p.expires_on > p_to
                            AND (p.revoked_on IS NULL OR p.revoked_on > p_to)
                            AND (p.converted_on IS NULL OR p.converted_on > p_to)) AS live
                 FROM pilot_permits p
             ) p ON p.comune_istat = pc.istat_code
       GROUP BY ROLLUP (pc.istat_code)
    ),
    admissions AS (
      SELECT pc.istat_code AS k,
             count(DISTINCT a.person_id) FILTER (WHERE m.role = 'titolare') AS admitted_holders,
             count(DISTINCT a.person_id) FILTER (WHERE m.role = 'familiare') AS admitted_family
        FROM pc LEFT JOIN (pilot_admissions a JOIN pilot_case_members m ON m.person_id = a.person_id)
          ON a.comune_istat = pc.istat_code AND a.decided_on BETWEEN p_from AND p_to
       GROUP BY ROLLUP (pc.istat_code)
    ),
    -- case opened -> first PAI shared with the person, for the cases whose first PAI was shared in the period
    first_pai AS (
      SELECT c.comune_istat, min(p.shared_on) - c.opened_on AS days
        FROM pilot_pais p JOIN pilot_cases c ON c.id = p.case_id
       WHERE p.shared_on IS NOT NULL
       GROUP BY c.id, c.comune_istat, c.opened_on
      HAVING min(p.shared_on) BETWEEN p_from AND p_to
    ),
    pai_delay AS (
      SELECT pc.istat_code AS k,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY fp.days) AS median_case_pai,
             count(fp.days) AS with_pai
        FROM pc LEFT JOIN first_pai fp ON fp.comune_istat = pc.istat_code
       GROUP BY ROLLUP (pc.istat_code)
    ),
    pais AS (
      SELECT pc.istat_code AS k, count(p.id) AS active_pais
        FROM pc LEFT JOIN pilot_pais p
          ON p.comune_istat = pc.istat_code
             AND p.status IN ('approvato', 'in_corso', 'in_revisione', 'chiuso')
             AND p.approved_on <= p_to AND (p.closed_on IS NULL OR p.closed_on >= p_from)
       GROUP BY ROLLUP (pc.istat_code)
    ),
    measures AS (
      SELECT pc.istat_code AS k,
             count(m.id) FILTER (WHERE started AND m.type IN ('orientamento', 'bilancio_competenze')) AS m_orientamento,
             count(m.id) FILTER (WHERE started AND m.type IN ('formazione', 'riqualificazione')) AS m_formazione,
             count(m.id) FILTER (WHERE started AND m.type = 'corso_italiano') AS m_italiano,
             count(m.id) FILTER (WHERE started AND m.type = 'tirocinio') AS m_tirocinio,
             count(m.id) FILTER (WHERE started AND m.type = 'accompagnamento_lavoro') AS m_lavoro,
             count(m.id) FILTER (WHERE started AND m.type = 'supporto_abitativo') AS m_abitativo,
             count(m.id) FILTER (WHERE started AND m.type NOT IN ('orientamento', 'bilancio_competenze', 'formazione',
                                   'riqualificazione', 'corso_italiano', 'tirocinio', 'accompagnamento_lavoro',
                                   'supporto_abitativo')) AS m_complementari,
             round(coalesce(sum(m.hours_actual) FILTER (WHERE started), 0)) AS hours,
             count(m.id) FILTER (WHERE m.end_on BETWEEN p_from AND p_to AND m.status = 'completata') AS completed,
             count(m.id) FILTER (WHERE m.end_on BETWEEN p_from AND p_to AND m.status IN ('completata', 'interrotta')) AS ended
        FROM pc LEFT JOIN (
               SELECT m.*, (m.start_on BETWEEN p_from AND p_to AND m.status <> 'annullata') AS started
                 FROM pilot_measures m
             ) m ON m.comune_istat = pc.istat_code
       GROUP BY ROLLUP (pc.istat_code)
    ),
    contracts AS (
      SELECT pc.istat_code AS k, count(ct.id) AS contracts_started
        FROM pc LEFT JOIN pilot_contracts ct ON ct.comune_istat = pc.istat_code AND ct.start_on BETWEEN p_from AND p_to
       GROUP BY ROLLUP (pc.istat_code)
    ),
    outcomes AS (
      SELECT pc.istat_code AS k,
             count(DISTINCT o.person_id) FILTER (WHERE o.kind = 'assegno_inclusione') AS adi,
             count(DISTINCT o.person_id) FILTER (WHERE o.kind = 'autonomia_abitativa') AS housing_autonomy,
             count(DISTINCT o.person_id) FILTER (WHERE o.kind IN ('follow_up_6', 'follow_up_12') AND o.employed) AS followup_employed
        FROM pc LEFT JOIN pilot_outcomes o ON o.comune_istat = pc.istat_code AND o.occurred_on BETWEEN p_from AND p_to
       GROUP BY ROLLUP (pc.istat_code)
    ),
    budgets AS (
      SELECT pc.istat_code AS k, sum(b.allocation) AS allocation
        FROM pc LEFT JOIN pilot_budgets b ON b.comune_istat = pc.istat_code AND b.year = v_year
       GROUP BY ROLLUP (pc.istat_code)
    ),
    -- measures of PAIs past approval, not cancelled, starting in the year of p_to
    finance AS (
      SELECT pc.istat_code AS k,
             coalesce(sum(f.cost_planned), 0) AS committed,
             coalesce(sum(f.cost_actual), 0) AS spent,
             count(DISTINCT f.pai_id) AS pais_with_measures
        FROM pc LEFT JOIN (
               SELECT m.comune_istat, m.pai_id, m.cost_planned, m.cost_actual
                 FROM pilot_measures m JOIN pilot_pais p ON p.id = m.pai_id
                WHERE p.approved_on IS NOT NULL AND m.status <> 'annullata'
                  AND extract(year FROM m.start_on) = v_year
             ) f ON f.comune_istat = pc.istat_code
       GROUP BY ROLLUP (pc.istat_code)
    ),
    -- persons (holders and family) of the cases open at p_to, and whether their record is complete
    quality AS (
      SELECT pc.istat_code AS k,
             count(q.person_id) AS persons,
             count(q.person_id) FILTER (WHERE q.complete) AS complete
        FROM pc LEFT JOIN (
               SELECT m.comune_istat, m.person_id,
                      (p.sex IS NOT NULL AND p.birth_year IS NOT NULL AND cardinality(p.nationalities) >= 1
                       AND cardinality(p.languages) >= 1
                       AND EXISTS (SELECT 1 FROM pilot_permits pp WHERE pp.person_id = p.id)) AS complete
                 FROM pilot_case_members m
                 JOIN in_charge ic ON ic.id = m.case_id
                 JOIN pilot_persons p ON p.id = m.person_id
             ) q ON q.comune_istat = pc.istat_code
       GROUP BY ROLLUP (pc.istat_code)
    ),
    late AS (
      SELECT pc.istat_code AS k, count(e.id) AS late_events
        FROM pc LEFT JOIN pilot_case_events e
          ON e.comune_istat = pc.istat_code AND e.occurred_on BETWEEN p_from AND p_to
             AND (e.recorded_at AT TIME ZONE 'UTC')::date - e.occurred_on > 30
       GROUP BY ROLLUP (pc.istat_code)
    ),
    metrics (k, metric, value, base) AS (
      SELECT i.k, v.metric, v.value, v.base FROM intake i CROSS JOIN LATERAL (VALUES
        ('referrals', i.referrals::numeric, NULL::numeric),
        ('ref_inl', i.ref_inl, NULL), ('ref_ffoo_procura', i.ref_ffoo_procura, NULL),
        ('ref_sindacato', i.ref_sindacato, NULL), ('ref_antitratta', i.ref_antitratta, NULL),
        ('ref_servizi', i.ref_servizi, NULL), ('ref_altro', i.ref_altro, NULL),
        ('screened_7d', CASE WHEN i.referrals > 0 THEN 100.0 * i.screened_7d / i.referrals END, i.referrals),
        ('sector_agri', i.sector_agri, NULL)
      ) AS v (metric, value, base)
      UNION ALL
      SELECT c.k, v.metric, v.value, v.base FROM cases c CROSS JOIN LATERAL (VALUES
        ('holders_in_charge', c.holders_in_charge::numeric, NULL::numeric),
        ('cases_opened', c.cases_opened, NULL),
        ('median_days_referral_case', c.median_ref_case::numeric, c.with_referral),
        ('in_sai', c.in_sai, NULL),
        ('employed_at_exit', c.exit_lavoro, NULL),
        ('exit_lavoro', c.exit_lavoro, NULL), ('exit_trasferimento', c.exit_trasferimento, NULL),
        ('exit_abbandono', c.exit_abbandono, NULL), ('exit_revoca', c.exit_revoca, NULL),
        ('exit_scadenza', c.exit_scadenza, NULL)
      ) AS v (metric, value, base)
      UNION ALL
      SELECT f.k, 'family_with_permit', f.family_with_permit::numeric, NULL::numeric FROM family f
      UNION ALL
      SELECT p.k, v.metric, v.value, v.base FROM permits p CROSS JOIN LATERAL (VALUES
        ('permits_issued', p.permits_issued::numeric, NULL::numeric),
        ('permits_renewed', p.permits_renewed, NULL), ('permits_converted', p.permits_converted, NULL),
        ('permits_revoked', p.permits_revoked, NULL), ('permits_expired', p.permits_expired, NULL),
        ('expiring_30', p.expiring_30, NULL), ('expiring_60', p.expiring_60, NULL), ('expiring_90', p.expiring_90, NULL),
        ('conversions_work', p.conversions_work, NULL)
      ) AS v (metric, value, base)
      UNION ALL
      SELECT a.k, v.metric, v.value, v.base FROM admissions a CROSS JOIN LATERAL (VALUES
        ('admitted_holders', a.admitted_holders::numeric, NULL::numeric), ('admitted_family', a.admitted_family, NULL)
      ) AS v (metric, value, base)
      UNION ALL
      SELECT d.k, 'median_days_case_pai', d.median_case_pai::numeric, d.with_pai::numeric FROM pai_delay d
      UNION ALL
      SELECT p.k, 'active_pais', p.active_pais::numeric, NULL::numeric FROM pais p
      UNION ALL
      SELECT m.k, v.metric, v.value, v.base FROM measures m CROSS JOIN LATERAL (VALUES
        ('m_orientamento', m.m_orientamento::numeric, NULL::numeric), ('m_formazione', m.m_formazione, NULL),
        ('m_italiano', m.m_italiano, NULL), ('m_tirocinio', m.m_tirocinio, NULL), ('m_lavoro', m.m_lavoro, NULL),
        ('m_abitativo', m.m_abitativo, NULL), ('m_complementari', m.m_complementari, NULL),
        ('hours', m.hours, NULL),
        ('completion_rate', CASE WHEN m.ended > 0 THEN 100.0 * m.completed / m.ended END, m.ended)
      ) AS v (metric, value, base)
      UNION ALL
      SELECT ct.k, 'contracts_started', ct.contracts_started::numeric, NULL::numeric FROM contracts ct
      UNION ALL
      SELECT o.k, v.metric, v.value, v.base FROM outcomes o CROSS JOIN LATERAL (VALUES
        ('adi', o.adi::numeric, NULL::numeric), ('housing_autonomy', o.housing_autonomy, NULL),
        ('followup_employed', o.followup_employed, NULL)
      ) AS v (metric, value, base)
      UNION ALL
      SELECT b.k, 'allocation', b.allocation, NULL::numeric FROM budgets b
      UNION ALL
      SELECT f.k, v.metric, v.value, v.base FROM finance f CROSS JOIN LATERAL (VALUES
        ('committed', f.committed::numeric, NULL::numeric), ('spent', f.spent, NULL),
        ('cost_per_pai', CASE WHEN f.pais_with_measures > 0 THEN f.spent / f.pais_with_measures END, f.pais_with_measures)
      ) AS v (metric, value, base)
      UNION ALL
      SELECT q.k, 'completeness', CASE WHEN q.persons > 0 THEN 100.0 * q.complete / q.persons END, q.persons::numeric
        FROM quality q
      UNION ALL
      SELECT l.k, 'late_events', l.late_events::numeric, NULL::numeric FROM late l
    )
    SELECT mt.k::char(6), mt.metric, mt.value, mt.base FROM metrics mt;
  END
  $$;

REVOKE ALL ON FUNCTION pilot_comparative_counts(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pilot_comparative_counts(date, date) TO incas_app;

-- Pseudonymised rows for ANCI/Cittalia technical assistance: one per member (holder or family) of
-- the cases of one pilot Comune. Never names, birth dates, codice fiscale, permit numbers,
-- addresses, nationality or free text: the stored pseudonym, the role and degree of kinship, sex, an
-- age band (age reached in p_ref_year), the case status, the quarter it opened, and booleans and
-- counts about admission, PAI, measures and contracts. `total` is the number of rows of the Comune
-- (for paging). Only the national scope, and only a live account holding the assistenza_tecnica
-- role, may call it: the MLPS (also national) may not.
CREATE FUNCTION pilot_pseudonymised_records(p_comune text, p_ref_year integer, p_limit integer, p_offset integer)
  RETURNS TABLE (
    pseudonym text, comune_istat char(6), role text, degree integer, sex text, age_band text, case_status text,
    opened_quarter text, admitted boolean, pai_status text, measures integer, has_contract boolean, exit_reason text,
    total bigint
  )
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
  AS $$
  #variable_conflict use_column
  BEGIN
    IF incas_setting('scope') <> 'national' OR NOT EXISTS (
      SELECT 1 FROM user_roles ur JOIN users u ON u.id = ur.user_id
       WHERE ur.user_id::text = incas_setting('user_id') AND ur.role = 'assistenza_tecnica' AND u.status = 'active'
    ) THEN
      RAISE EXCEPTION 'pilot_pseudonymised_records: not entitled' USING ERRCODE = '42501';
    END IF;

    RETURN QUERY
    SELECT p.pseudonym,
           m.comune_istat,
           m.role,
           m.degree,
           p.sex,
           CASE
             WHEN p_ref_year - p.birth_year < 0 THEN NULL
             WHEN p_ref_year - p.birth_year < 18 THEN '0-17'
             WHEN p_ref_year - p.birth_year < 25 THEN '18-24'
             WHEN p_ref_year - p.birth_year < 35 THEN '25-34'
             WHEN p_ref_year - p.birth_year < 45 THEN '35-44'
             WHEN p_ref_year - p.birth_year < 55 THEN '45-54'
             ELSE '55+'
           END,
           c.status,
           extract(year FROM c.opened_on)::integer || '-Q' || extract(quarter FROM c.opened_on)::integer,
           EXISTS (SELECT 1 FROM pilot_admissions a WHERE a.person_id = m.person_id AND a.status = 'ammesso'),
           (SELECT pa.status FROM pilot_pais pa WHERE pa.person_id = m.person_id
             ORDER BY (pa.status = 'chiuso'), pa.created_at DESC LIMIT 1),
           (SELECT count(*) FROM pilot_measures ms JOIN pilot_pais pa ON pa.id = ms.pai_id
             WHERE pa.person_id = m.person_id AND ms.status <> 'annullata')::integer,
           EXISTS (SELECT 1 FROM pilot_contracts ct WHERE ct.person_id = m.person_id),
           c.exit_reason,
           count(*) OVER ()
      FROM pilot_case_members m
      JOIN pilot_cases c ON c.id = m.case_id
      JOIN pilot_persons p ON p.id = m.person_id
      JOIN comuni co ON co.istat_code = m.comune_istat AND co.pilot_18ter
     WHERE m.comune_istat = p_comune
     ORDER BY p.pseudonym
     LIMIT least(greatest(coalesce(p_limit, 20), 1), 100) OFFSET greatest(coalesce(p_offset, 0), 0);
  END
  $$;

REVOKE ALL ON FUNCTION pilot_pseudonymised_records(text, integer, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pilot_pseudonymised_records(text, integer, integer, integer) TO incas_app;
