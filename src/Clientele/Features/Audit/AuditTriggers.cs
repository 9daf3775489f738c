namespace Clientele.Features.Audit;

/// <summary>
/// The database itself refuses to change the trail: UPDATE is always refused, DELETE only allowed for rows older than
/// the retention the owner set (read from AuditSettings, 1095 days without a row) — which is what the nightly job
/// removes. The app therefore cannot rewrite history, and neither can anyone using its connection, short of dropping
/// the trigger (which <c>audit verify</c> then exposes by the broken chain). Created by the audit migration.
/// One update is allowed: an erasure's redaction, which replaces an entry's detail by the redaction marker carrying its
/// keyed digest (<see cref="AuditChain.Redacted"/>) and changes nothing else; the chain still verifies (ADR 014). The
/// marker's opening brace is written char(123)/chr(123): these scripts also go through EF's raw SQL, which formats braces.
/// </summary>
public static class AuditTriggers
{
    public const string SqliteCreate =
        """
        CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
        WHEN NOT (NEW."Detail" LIKE (char(123) || '"redacted":"%') AND OLD."Detail" IS NOT NULL AND NEW."Id" = OLD."Id" AND NEW."At" = OLD."At"
            AND NEW."EmployeeId" IS OLD."EmployeeId" AND NEW."Action" = OLD."Action" AND NEW."Entity" IS OLD."Entity" AND NEW."EntityId" IS OLD."EntityId"
            AND NEW."Ip" IS OLD."Ip" AND NEW."RowCount" IS OLD."RowCount" AND NEW."ClientCount" = OLD."ClientCount"
            AND NEW."PrevHash" = OLD."PrevHash" AND NEW."Hash" = OLD."Hash")
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
            -- Nested: PL/pgSQL does not promise to short-circuit AND, and only AuditEntries rows have a "Detail".
            IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'AuditEntries' THEN
                IF NEW."Detail" LIKE (chr(123) || '"redacted":"%') AND OLD."Detail" IS NOT NULL
                    AND (NEW."Id", NEW."At", NEW."Action", NEW."ClientCount", NEW."PrevHash", NEW."Hash") = (OLD."Id", OLD."At", OLD."Action", OLD."ClientCount", OLD."PrevHash", OLD."Hash")
                    AND NEW."EmployeeId" IS NOT DISTINCT FROM OLD."EmployeeId" AND NEW."Entity" IS NOT DISTINCT FROM OLD."Entity"
                    AND NEW."EntityId" IS NOT DISTINCT FROM OLD."EntityId" AND NEW."Ip" IS NOT DISTINCT FROM OLD."Ip"
                    AND NEW."RowCount" IS NOT DISTINCT FROM OLD."RowCount" THEN
                    RETURN NEW;
                END IF;
            END IF;
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
