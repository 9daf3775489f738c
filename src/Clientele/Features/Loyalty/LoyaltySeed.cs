using Clientele.Analytics.Loyalty;
using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Loyalty;

/// <summary>
/// The first step on the ladder for clients created in bulk with nothing but their record (a client import's new
/// clients): each stands at the bottom from the day it entered the base — as <see cref="LoyaltyFactsReader"/> dates it, the
/// day it was recorded or the earlier day it was acquired. Two INSERT … SELECT statements instead of a path computed per
/// client: a million-row import cannot afford the round trips. Lost clients are left to <see cref="LoyaltyUpdater"/>: the
/// manager's lost mark is a fact the path must read.
/// </summary>
public static class LoyaltySeed
{
    public static async Task EnteredAsync(ClienteleDb db, long first, long last, CancellationToken ct)
    {
        // The company's day of the record, as LoyaltyFactsReader takes it (ADR 023). The clients seeded here were recorded
        // just now, so the zone's offset now is theirs; whole minutes, so nothing but a number reaches the SQL text.
        var days = await Company.CompanyDays.OfAsync(db, ct);
        var minutes = (int)days.Zone.GetUtcOffset(db.UtcNow).TotalMinutes;
        var recordedOn = db.Database.IsNpgsql()
            ? $"((c.\"CreatedAt\" AT TIME ZONE 'UTC') + interval '{minutes} minutes')::date"
            : $"date(c.\"CreatedAt\", '{minutes:+0;-0} minutes')";
        var entered = $"CASE WHEN c.\"AcquiredOn\" IS NOT NULL AND c.\"AcquiredOn\" < {recordedOn} THEN c.\"AcquiredOn\" ELSE {recordedOn} END";
        const string newClients = """
            c."Id" >= {0} AND c."Id" <= {1} AND c."Status" <> {2}
            AND NOT EXISTS (SELECT 1 FROM "ClientLoyalty" l WHERE l."ClientId" = c."Id")
            """;
        object[] args = [first, last, (int)ClientStatus.Lost, (int)LoyaltyStage.Prospect];
        // Steps first: the second statement's NOT EXISTS would otherwise see the states just added.
        var steps = $$"""
            INSERT INTO "ClientLoyaltySteps" ("ClientId", "Date", "Stage")
            SELECT c."Id", {{entered}}, {3} FROM "Clients" c WHERE {{newClients}}
            """;
        await db.Database.ExecuteSqlRawAsync(steps, args, ct);
        var states = $$"""
            INSERT INTO "ClientLoyalty" ("ClientId", "Stage", "Since")
            SELECT c."Id", {3}, {{entered}} FROM "Clients" c WHERE {{newClients}}
            """;
        await db.Database.ExecuteSqlRawAsync(states, args, ct);
    }
}
