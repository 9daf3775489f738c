using System.CommandLine;
using System.Data.Common;
using Clientele.Features.Company;
using Clientele.Features.Imports.Engine;
using Clientele.Features.Imports.Mapping;
using Clientele.Features.Imports.Reading;
using Clientele.Infrastructure.Cli;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Cli;

/// <summary>
/// <c>clientele import clients|purchases|interactions|service-costs FILE …</c>, <c>import rollback JOB</c>, <c>import list</c>.
/// Exit codes: 0 done, 1 rejected rows or refused, 2 usage (bad map or options), 3 database.
/// </summary>
public static class ImportCommand
{
    private sealed record FileOptions(
        Argument<FileInfo> File, Option<string?> Preset, Option<string?> Map, Option<bool> DryRun, Option<string> OnMatch, Option<bool> SkipInvalid,
        Option<string?> Sheet, Option<string?> Encoding, Option<string?> Delimiter, Option<string?> Region, Option<FileInfo?> Report, Option<int?> BatchSize);

    public static Command Create()
    {
        var import = new Command("import", "Import clients, purchases, interactions or service costs from CSV, XLSX or vCard; roll imports back.");
        import.Subcommands.Add(FileCommand("clients", ImportKind.Clients, "Import clients (with contact persons); duplicates update, skip or merge."));
        import.Subcommands.Add(FileCommand("purchases", ImportKind.Purchases, "Import purchases of clients already in the base."));
        import.Subcommands.Add(FileCommand("interactions", ImportKind.Interactions, "Import interactions with clients already in the base."));
        import.Subcommands.Add(FileCommand("service-costs", ImportKind.ServiceCosts, "Import costs of serving clients already in the base."));
        import.Subcommands.Add(RollbackCommand());
        import.Subcommands.Add(ListCommand());
        return import;
    }

    private static Command FileCommand(string name, ImportKind kind, string description)
    {
        var o = new FileOptions(
            new Argument<FileInfo>("FILE") { Description = "The CSV, XLSX or vCard file." },
            new Option<string?>("--preset") { Description = "A saved or built-in column mapping by name." },
            new Option<string?>("--map") { Description = "Column mapping as \"Header=field;Header=field\" (e.g. \"Телефон=phone;Firma=name\")." },
            new Option<bool>("--dry-run") { Description = "Check every row and report what would happen; write nothing." },
            new Option<string>("--on-match") { Description = "A row matching a client exactly (phone, e-mail, tax id): update or skip.", DefaultValueFactory = _ => "update" },
            new Option<bool>("--skip-invalid") { Description = "Import the valid rows even when some are rejected." },
            new Option<string?>("--sheet") { Description = "XLSX: the sheet's name or number." },
            new Option<string?>("--encoding") { Description = "CSV: the encoding (e.g. utf-8, windows-1251) instead of detecting it." },
            new Option<string?>("--delimiter") { Description = "CSV: the delimiter (';', ',' or 'tab') instead of detecting it." },
            new Option<string?>("--region") { Description = "Phone numbers without a country code are read in this region (default: the company's)." },
            new Option<FileInfo?>("--report") { Description = "Write every row's outcome to this CSV file." },
            new Option<int?>("--batch-size") { Description = "Rows staged per committed batch (a resumed run continues after the last one).", Hidden = true });
        o.OnMatch.AcceptOnlyFromAmong("update", "skip");
        o.BatchSize.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1 or > 1_000_000) r.AddError("--batch-size must be between 1 and 1,000,000."); });
        var command = new Command(name, description)
        {
            o.File, o.Preset, o.Map, o.DryRun, o.OnMatch, o.SkipInvalid, o.Sheet, o.Encoding, o.Delimiter, o.Region, o.Report, o.BatchSize,
        };
        command.SetAction((result, ct) => Guarded(() => RunFileAsync(result, kind, o, ct)));
        return command;
    }

    private static async Task<int> RunFileAsync(ParseResult result, ImportKind kind, FileOptions o, CancellationToken ct)
    {
        var file = result.GetValue(o.File)!;
        if (!file.Exists) throw new CliException(Message.Of<ImportCliText>("there is no file '{0}'.", file.FullName), 2);
        if (result.GetValue(o.Map) is not null && result.GetValue(o.Preset) is not null) throw new CliException(Message.Of<ImportCliText>("give --map or --preset, not both."), 2);
        await using var services = CommandServices.Open(CommandLine.ResolveDb(result));
        var db = services.Db;
        var options = new ImportOptions(kind,
            result.GetValue(o.Map) is { } spec ? ImportMapping.ParseSpec(spec) : null,
            result.GetValue(o.Preset),
            result.GetValue(o.OnMatch) == "skip" ? ImportMatchPolicy.Skip : ImportMatchPolicy.Update,
            new TabularOptions(result.GetValue(o.Sheet), result.GetValue(o.Encoding), Delimiter(result.GetValue(o.Delimiter))),
            (result.GetValue(o.Region) ?? (await new CompanySettingsReader(db).GetAsync(ct)).DefaultPhoneRegion).ToUpperInvariant());
        if (result.GetValue(o.BatchSize) is { } size) ClientImport.BatchSize.Value = size;
        var bar = ProgressBar.ForStandardError();
        var dryRun = result.GetValue(o.DryRun);

        using var rows = new ImportOutput.RowCollector(result.GetValue(o.Report)?.FullName);
        if (dryRun)
        {
            var analyzed = await ImportJobs.CreateAsync(db, file.FullName, file.Name, options, null, ct);
            var report = await ImportJobs.DryRunAsync(db, analyzed.Id, bar, rows.Add, ct);
            bar.Finish();
            ImportOutput.PrintReport(Console.Out, report);
            return 0;
        }

        // One pass: rows are checked as they are staged; with rejected rows (and no --skip-invalid) nothing is merged.
        var run = new ImportRunOptions(RefuseRejected: !result.GetValue(o.SkipInvalid), EveryRow: rows.Add);
        var unfinished = await ImportJobs.FindUnfinishedAsync(db, file.FullName, options, ct);
        if (unfinished is not null)
            Console.WriteLine(ImportOutput.Say("Resuming import {0} ({1}) after row {2:N0}.", unfinished.Id,
                Message.Of<ImportCliText>(unfinished.Status.ToString().ToLowerInvariant()), unfinished.Checkpoint));
        var job = unfinished ?? await ImportJobs.CreateAsync(db, file.FullName, file.Name, options, null, ct);
        var done = await RunAsync(db, job.Id, bar, run, ct);
        rows.Print(Console.Out);
        if (done.Status != ImportJobStatus.Completed)
        {
            Console.WriteLine(ImportOutput.Counts(done.RowsNew, done.RowsUpdated, done.RowsMerged, done.RowsSkipped,
                done.RowsRejected, done.RowsForReview));
            await Console.Error.WriteLineAsync(ImportOutput.Say("Nothing was imported: {0:N0} row(s) rejected. Fix them, or run again with --skip-invalid to import the valid rows.", done.RowsRejected));
            return 1;
        }
        return Done(done);
    }

    private static async Task<ImportJob> RunAsync(ClienteleDb db, long jobId, ProgressBar bar, ImportRunOptions run, CancellationToken ct)
    {
        try
        {
            return await ImportJobs.RunAsync(db, jobId, bar, run, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // SIGTERM or Ctrl+C: the batch in flight rolled back with its transaction and the job stays unfinished, so
            // the same command picks it up where its last committed batch ended (the exit code of an interrupted command).
            throw new CliException(Message.Of<ImportCliText>("import {0} was stopped before it finished; the batch in progress was not written. Run the same command again to continue it.", jobId), 130);
        }
        finally
        {
            bar.Finish();
        }
    }

    private static int Done(ImportJob job)
    {
        Console.WriteLine(ImportOutput.Say("Import {0} done: {1}. Undo with: clientele import rollback {0}", job.Id,
            ImportOutput.Counts(job.RowsNew, job.RowsUpdated, job.RowsMerged, job.RowsSkipped, job.RowsRejected, job.RowsForReview)));
        return 0;
    }

    private static Command RollbackCommand()
    {
        var job = new Argument<long>("JOB") { Description = "The import's number (see 'import list')." };
        var force = new Option<bool>("--force") { Description = "Also when created clients have since gained purchases or interactions (they are deleted too)." };
        var command = new Command("rollback", "Undo a completed import: created rows removed, updated rows restored.") { job, force };
        command.SetAction((result, ct) => Guarded(async () =>
        {
            await using var services = CommandServices.Open(CommandLine.ResolveDb(result));
            var done = await ImportJobs.RollbackAsync(services.Db, result.GetValue(job), result.GetValue(force), ct);
            Console.WriteLine(ImportOutput.Say("Import {0} rolled back.", done.Id));
            return 0;
        }));
        return command;
    }

    private static Command ListCommand()
    {
        var command = new Command("list", "The imports, newest first, with what each did.");
        command.SetAction((result, ct) => Guarded(async () =>
        {
            await using var services = CommandServices.Open(CommandLine.ResolveDb(result));
            var jobs = await services.Db.Set<ImportJob>().AsNoTracking().OrderByDescending(j => j.Id).Take(100).ToListAsync(ct);
            Console.WriteLine("id\tkind\tstatus\tcreated at\tfile\trows\tresult");
            foreach (var j in jobs)
                Console.WriteLine($"{j.Id}\t{j.Kind}\t{j.Status}\t{j.CreatedAt:yyyy-MM-dd HH:mm}\t{j.FileName}\t{j.RowsTotal}\t" +
                    ImportOutput.Counts(j.RowsNew, j.RowsUpdated, j.RowsMerged, j.RowsSkipped, j.RowsRejected, j.RowsForReview));
            return 0;
        }));
        return command;
    }

    /// <summary>The import's expected failures as one line and an exit code, not a stack trace.</summary>
    private static async Task<int> Guarded(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (ImportFileException e)
        {
            throw new CliException(Message.Of<ImportCliText>("cannot read the file: {0}", e.Located));
        }
        catch (ImportMappingException e)
        {
            throw new CliException(Message.Of<ImportCliText>("mapping: {0}", e.Text), 2);
        }
        catch (ImportRefusedException e)
        {
            throw new CliException(e.Message);
        }
        catch (Exception e) when (e is DbException or DbUpdateException && !DatabaseErrors.IsMissingSchema(e) && !DatabaseErrors.IsUnreachable(e))
        {
            throw new CliException(Message.Of<ImportCliText>("database: {0}", DatabaseErrors.OneLine(e)), 3);
        }
    }

    private static char? Delimiter(string? text) => text switch
    {
        null or "" => null,
        "tab" or "\\t" or "\t" => '\t',
        { Length: 1 } => text[0],
        _ => throw new CliException(Message.Of<ImportCliText>("--delimiter '{0}' is not one character (or 'tab').", text), 2),
    };
}
