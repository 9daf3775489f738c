namespace Clientele.Features.Audit;

/// <summary>
/// The database itself refuses to change the trail: UPDATE is always refused, DELETE only allowed for rows older than
/// the retention the owner set (read from AuditSettings, 1095 days without a row) — which is what the nightly job
/// removes. The app therefore cannot rewrite history, and neither can anyone using its connection, short of dropping
/// the trigger (which <c>audit verify</c> then exposes by the broken chain). Created by the audit migration.
/// </summary>
public static class AuditTriggers
{
    public const string SqliteCreate =
        """
        CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
        BEGIN SELECT RAISE(ABORT, 'audit trail is append-only: UPDATE of AuditEntries refused'); END;
        CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
        WHEN OLD."At" >= strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || COALESCE((SELECT "RetentionDays" FROM "AuditSettings" WHERE "Id" = 1), 1095) || ' days')
        BEGIN SELECT RAISE(ABORT, 'audit trail is append-only: DELETE of AuditEntries within the retention period refused'); END;
        CREATE TRIGGER "AuditEntryClients_NoUpdate" BEFORE UPDATE ON "AuditEntryClients"
        BEGIN SELECT RAISE(ABORT, 'audit trail is append-only: UPDATE of AuditEntryClients refused'); END;
        CREATE TRIGGER "AuditEntryClients_NoDelete" BEFORE DELETE ON "AuditEntryClients"
        WHEN OLD."At" >= strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || COALESCE((SELECT "RetentionDays" FROM "AuditSettings" WHERE "Id" = 1), 1095) || ' days')
        BEGIN SELECT RAISE(ABORT, 'audit trail is append-only: DELETE of AuditEntryClients within the retention period refused'); END;
        """;

    public const string SqliteDrop =
        """
        DROP TRIGGER IF EXISTS "AuditEntries_NoUpdate";
        DROP TRIGGER IF EXISTS "AuditEntries_NoDelete";
        DROP TRIGGER IF EXISTS "AuditEntryClients_NoUpdate";
        DROP TRIGGER IF EXISTS "AuditEntryClients_NoDelete";
        """;

    public const string PostgresCreate =
        """
        CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                IF OLD."At" < now() - make_interval(days => COALESCE((SELECT "RetentionDays" FROM "AuditSettings" WHERE "Id" = 1), 1095)) THEN
                    RETURN OLD;
                END IF;
            END IF;
            RAISE EXCEPTION 'audit trail is append-only: % of % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END $$;
        CREATE TRIGGER "AuditEntries_AppendOnly" BEFORE UPDATE OR DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_append_only();
        CREATE TRIGGER "AuditEntryClients_AppendOnly" BEFORE UPDATE OR DELETE ON "AuditEntryClients" FOR EACH ROW EXECUTE FUNCTION audit_append_only();
        CREATE TRIGGER "AuditEntries_NoTruncate" BEFORE TRUNCATE ON "AuditEntries" FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
        CREATE TRIGGER "AuditEntryClients_NoTruncate" BEFORE TRUNCATE ON "AuditEntryClients" FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
        """;

    public const string PostgresDrop =
        """
        DROP TRIGGER IF EXISTS "AuditEntries_AppendOnly" ON "AuditEntries";
        DROP TRIGGER IF EXISTS "AuditEntryClients_AppendOnly" ON "AuditEntryClients";
        DROP TRIGGER IF EXISTS "AuditEntries_NoTruncate" ON "AuditEntries";
        DROP TRIGGER IF EXISTS "AuditEntryClients_NoTruncate" ON "AuditEntryClients";
        DROP FUNCTION IF EXISTS audit_append_only();
        """;
}
