using System.CommandLine;
using System.Globalization;
using Clientele.Infrastructure.Cli;

namespace Clientele.Features.Exports.Control;

/// <summary><c>clientele export trace VALUE</c>: which export a canary found in a leaked list came from.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var export = new Command("export", "Exports written from the app and their watermarks.");
        export.Subcommands.Add(Trace());
        return export;
    }

    private static Command Trace()
    {
        var value = new Argument<string>("email-or-phone") { Description = "An e-mail address, phone number (any notation) or name found in a leaked list." };
        var command = new Command("trace", "Name the export a canary client was planted in: export id, user, date, filter and rows.") { value };
        command.SetAction(async (result, ct) =>
        {
            await using var services = CommandServices.Open(CommandLine.ResolveDb(result));
            var input = result.GetValue(value) ?? "";
            if (string.IsNullOrWhiteSpace(input)) throw new CliException("give an e-mail address, phone number or name to trace.", 2);
            var found = await ExportTrace.FindAsync(services.Db, input, ct)
                ?? throw new CliException($"'{input.Trim()}' is no canary of any export: the list did not come from an export of this base (or from one written before export control).");
            var i = CultureInfo.InvariantCulture;
            Console.WriteLine($"Export   {found.ExportId}");
            Console.WriteLine($"User     {found.EmployeeName} <{found.EmployeeEmail}> (id {found.EmployeeId.ToString(i)})");
            Console.WriteLine($"Date     {found.At.ToString("yyyy-MM-dd HH:mm:ss", i)} UTC");
            Console.WriteLine($"Kind     {found.Path} ({found.Format})");
            Console.WriteLine($"Filter   {(found.Filter.Length == 0 ? "(none)" : found.Filter)}");
            Console.WriteLine($"Rows     {found.RowCount?.ToString(i) ?? "?"} ({found.ClientCount.ToString(i)} clients)");
            Console.WriteLine($"Canary   {found.CanaryName}, {found.CanaryEmail}, {found.CanaryPhone}, client id {found.CanaryClientId.ToString(i)}");
            return 0;
        });
        return command;
    }
}
