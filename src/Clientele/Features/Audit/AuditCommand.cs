using System.CommandLine;
using Clientele.Infrastructure.Cli;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Audit;

/// <summary>
/// <c>clientele audit verify</c>: proves the trail is whole against the chain key and the latest anchor, or names the
/// first entry that is not. <c>clientele audit anchor</c>: verifies, then checkpoints the head outside the database.
/// </summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Check the audit trail's keyed chain and its anchor: exit 0 with 'OK: N entries', or exit 1 naming the first edited entry, gap or cut tail.");
        verify.SetAction(async (result, ct) =>
        {
            await using var scope = CommandServices.Open(CommandLine.ResolveDb(result));
            var text = scope.Services.GetRequiredService<IStringLocalizer<AuditText>>();
            var report = await AuditVerifier.VerifyAsync(scope.Db, ct);
            if (!report.Ok) return await FailedAsync(report, text);
            Console.WriteLine(report.Checked == 0 ? "OK: 0 entries (the trail is empty)"
                : $"OK: {report.Checked} entries (ids {report.FirstId}..{report.LastId})");
            Console.WriteLine(AnchorLine(report, text));
            return 0;
        });
        var anchor = new Command("anchor", "Verify the trail, then write its head, count and switch point into the anchor file outside the database (also done nightly).");
        anchor.SetAction(async (result, ct) =>
        {
            await using var scope = CommandServices.Open(CommandLine.ResolveDb(result));
            var text = scope.Services.GetRequiredService<IStringLocalizer<AuditText>>();
            var anchored = await AuditAnchoring.AnchorAsync(scope.Db, scope.Clock, ct);
            if (anchored.Written is not { } written) return await FailedAsync(anchored.Report, text);
            Console.WriteLine(text["Anchored: {0} entries up to entry {1}.", written.Count, written.HeadId].Value);
            return 0;
        });
        return new Command("audit", "The audit trail.") { verify, anchor };
    }

    private static async Task<int> FailedAsync(ChainReport report, IStringLocalizer<AuditText> text)
    {
        var kind = report.Break switch { ChainBreak.Gap => "gap", ChainBreak.Cut => "cut", _ => "edited" };
        await Console.Error.WriteLineAsync($"FAILED at entry {report.BrokenId} ({kind}): {report.Describe(text)}; {report.Checked} entries checked.");
        return 1;
    }

    private static string AnchorLine(ChainReport report, IStringLocalizer<AuditText> text) => report.Anchor is { } a
        ? text["Anchor of {0}: {1} entries up to entry {2}.", a.At.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture), a.Count, a.HeadId]
        : text["No anchor for this database yet: run 'clientele audit anchor' (the nightly job does it too)."];
}
