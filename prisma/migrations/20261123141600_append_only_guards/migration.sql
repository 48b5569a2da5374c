-- Guards that hold whatever code runs against the database (the app, a script, psql):
-- an approved rule set is immutable, because every score of a round must be
-- recomputable from exactly the tables it was computed with, and the audit trail is
-- append-only.

CREATE FUNCTION "ruleset_immutable_once_approved"() RETURNS trigger AS $$
BEGIN
  IF OLD."approvedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'RuleSet % is approved and cannot be changed or deleted', OLD."id"
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "RuleSet_immutable_once_approved"
  BEFORE UPDATE OR DELETE ON "RuleSet"
  FOR EACH ROW EXECUTE FUNCTION "ruleset_immutable_once_approved"();

CREATE FUNCTION "audit_event_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent rows are append-only' USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
