using System.Globalization;
using System.IO.Pipelines;
using System.Reflection;
using Clientele.Features.Exports.Control;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Clientele.Features.Exports.Formats;

/// <summary>Exports as file downloads: parses <c>?format=</c> and answers with the file streamed into the response.</summary>
public static class ExportResults
{
    /// <summary>xlsx or csv, in any case; none means xlsx. Null for anything else: answer <see cref="InvalidFormat"/>.</summary>
    public static ExportFormat? ParseFormat(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "xlsx" => ExportFormat.Xlsx,
        "csv" => ExportFormat.Csv,
        _ => null,
    };

    public static ValidationProblem InvalidFormat(string? value) =>
        ApiConventions.Invalid("format", Message.Of("must be xlsx or csv (was '{0}').", value));

    /// <summary>
    /// The export as a download named like <c>clients-2026-11-23.xlsx</c>. CSV holds one table, so it carries the
    /// data only; to offer the pivot as CSV, pass it as <paramref name="data"/>.
    /// </summary>
    /// <param name="date">The day in the file's name: the user's today, from the caller's clock.</param>
    public static ExportFileResult File(ExportTable data, ExportTable? pivot, ExportFormat format, CultureInfo culture, string fileBaseName, DateOnly date) =>
        new(data, pivot, format, culture, $"{fileBaseName}-{date:yyyy-MM-dd}.{Extension(format)}");

    public static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "csv",
        ExportFormat.VCard or ExportFormat.VCard3 => "vcf",
        _ => "xlsx",
    };
}

/// <summary>
/// Streams an export into the response as it is written. The writers are synchronous (the zip and XML writers are),
/// and a response body takes only asynchronous writes, so the file is written on a worker thread into a pipe that
/// the request copies out; the pipe's limits hold the worker back while the client reads slowly. The request's
/// abort token stops the worker when the client goes away.
/// </summary>
public sealed class ExportFileResult(ExportTable data, ExportTable? pivot, ExportFormat format, CultureInfo culture, string fileName)
    : IResult, IEndpointMetadataProvider
{
    public string FileName => fileName;

    public string ContentType => format switch
    {
        ExportFormat.Csv => CsvExport.ContentType,
        ExportFormat.VCard or ExportFormat.VCard3 => "text/vcard; charset=utf-8",
        _ => XlsxExport.ContentType,
    };

    /// <summary>
    /// Passes the export through the export-control gate (in the app; a host without the database, as in the writers'
    /// own tests, has no gate), then streams the file with the export's id in its name and metadata and its canaries
    /// among the rows, and records what was written.
    /// </summary>
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var aborted = httpContext.RequestAborted;
        if (httpContext.RequestServices.GetService<ClienteleDb>() is null)
        {
            await TypedResults.Stream(body => CopyAsync(body, data, pivot, null, aborted), ContentType, fileName).ExecuteAsync(httpContext);
            return;
        }
        var gate = ActivatorUtilities.CreateInstance<ExportGate>(httpContext.RequestServices);
        var (admitted, refusal) = await gate.AdmitAsync(httpContext, data, pivot, format, culture, aborted);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(httpContext);
            return;
        }
        var export = admitted!;
        try
        {
            await TypedResults.Stream(body => CopyAsync(body, export.Data, export.Pivot, export.ExportId, aborted), ContentType, WithId(fileName, export.ExportId))
                .ExecuteAsync(httpContext);
        }
        finally
        {
            await gate.CompleteAsync(export, httpContext.Request.Path.Value ?? "", httpContext.Request.QueryString.Value ?? "");
        }
    }

    /// <summary>clients-2026-11-23.csv → clients-2026-11-23-ID.csv: a file passed on keeps naming its export (CSV has no other metadata).</summary>
    private static string WithId(string name, string exportId) => Path.GetFileNameWithoutExtension(name) + "-" + exportId + Path.GetExtension(name);

    private async Task CopyAsync(Stream body, ExportTable data, ExportTable? pivot, string? exportId, CancellationToken aborted)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19));
        // Stops the worker also when the copy fails for another reason than the client leaving: a worker writing into
        // a pipe nobody reads would otherwise run the whole export for nothing.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var writing = Task.Run(() => Produce(pipe.Writer, data, pivot, exportId, stop.Token), CancellationToken.None);
        try
        {
            await pipe.Reader.CopyToAsync(body, stop.Token);
        }
        catch
        {
            await stop.CancelAsync();
            await pipe.Reader.CompleteAsync();
            // The worker's own failure, if it had one, is what the copy has just thrown; it is observed here so that
            // it is not reported a second time as an unobserved task exception.
            await Task.WhenAny(writing);
            _ = writing.Exception;
            throw;
        }
        await pipe.Reader.CompleteAsync();
        await writing;
    }

    private void Produce(PipeWriter writer, ExportTable data, ExportTable? pivot, string? exportId, CancellationToken stop)
    {
        try
        {
            using (var stream = writer.AsStream(leaveOpen: true)) Write(stream, data, pivot, exportId, stop);
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }

    private void Write(Stream output, ExportTable data, ExportTable? pivot, string? exportId, CancellationToken aborted)
    {
        switch (format)
        {
            case ExportFormat.Csv: CsvExport.Write(output, data, culture, aborted); break;
            case ExportFormat.VCard: Features.Exports.ClientCards.Write(output, data, Features.Exports.VCardVersion.V4, aborted); break;
            case ExportFormat.VCard3: Features.Exports.ClientCards.Write(output, data, Features.Exports.VCardVersion.V3, aborted); break;
            default: XlsxExport.Write(output, data, pivot, aborted, exportId); break;
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream), [XlsxExport.ContentType, CsvExport.ContentType, "text/vcard"]));
}
