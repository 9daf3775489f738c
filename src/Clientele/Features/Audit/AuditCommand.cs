using System.CommandLine;
using Clientele.Infrastructure.Cli;

namespace Clientele.Features.Audit;

/// <summary><c>clientele audit verify</c>: proves the trail is whole, or names the first entry that is not.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Check the audit trail's hash chain: exit 0 with 'OK: N entries', or exit 1 naming the first edited entry or gap.");
        verify.SetAction(async (result, ct) =>
        {
            await using var scope = CommandServices.Open(CommandLine.ResolveDb(result));
            var report = await AuditVerifier.VerifyAsync(scope.Db, ct);
            if (report.Ok)
            {
                Console.WriteLine(report.Checked == 0 ? "OK: 0 entries (the trail is empty)"
                    : $"OK: {report.Checked} entries (ids {report.FirstId}..{report.LastId})");
                return 0;
            }
            await Console.Error.WriteLineAsync(
                $"FAILED at entry {report.BrokenId} ({(report.Break == ChainBreak.Gap ? "gap" : "edited")}): {report.Reason}; {report.Checked} entries checked.");
            return 1;
        });
        return new Command("audit", "The audit trail.") { verify };
    }
}
