using System.Text;
using Clientele.Features.Imports;
using Clientele.Features.Imports.Cli;

namespace Clientele.Tests.Imports.Engine;

/// <summary>The command line's CSV report of an import is a spreadsheet too: the file's own column names and values stay text in it.</summary>
public sealed class ImportReportTests
{
    [Fact]
    public void A_field_or_warning_from_the_file_that_looks_like_a_formula_is_written_as_text()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clientele-report-{Guid.NewGuid():N}.csv");
        try
        {
            using (var report = new ImportOutput.CsvReport(path))
            {
                report.Write(new ImportRowOutcome(2, ImportRowAction.Create, Field: "=HYPERLINK(\"http://evil\";\"x\")", ClientId: 7));
                report.Write(new ImportRowOutcome(3, ImportRowAction.Skip, Field: "name", Warning: "@SUM(1+1)"));
            }
            var lines = File.ReadAllText(path, Encoding.UTF8).TrimEnd().Split(Environment.NewLine);

            Assert.Equal("2;create;\"'=HYPERLINK(\"\"http://evil\"\";\"\"x\"\")\";;7", lines[1]);
            Assert.Equal("3;skip;name;'@SUM(1+1);", lines[2]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
