namespace Clientele.Features.Imports.Reading;

/// <summary>
/// Finds the CSV delimiter from the first lines: the candidate that splits the header into more than one column and
/// gives the same count on the lines below it. Counting happens outside quotes, so "Иванов; Пётр" in quotes is one field.
/// </summary>
public static class DelimiterDetection
{
    public static readonly char[] Candidates = [';', ',', '\t', '|'];

    /// <summary>The delimiter, or a located error when the lines use different ones.</summary>
    /// <param name="sample">The decoded start of the file; its last line may be cut off and is ignored then.</param>
    /// <param name="firstLine">The file line the sample starts on.</param>
    public static char Detect(string sample, bool sampleIsWholeFile, long firstLine = 1)
    {
        var records = Records(sample, sampleIsWholeFile, maxRecords: 50);
        if (records.Count == 0) return ',';
        var header = records[0].Counts;
        var best = ',';
        var bestScore = -1.0;
        foreach (var (delimiter, index) in Candidates.Select((d, i) => (d, i)))
        {
            if (header[index] == 0) continue;
            var agreeing = records.Count(r => r.Counts[index] == header[index]);
            // Agreement first; among equals the delimiter that splits into more columns (a ',' inside "1,5" is rarer).
            var score = agreeing + header[index] / 10_000.0;
            if (score > bestScore) (best, bestScore) = (delimiter, score);
        }
        if (bestScore < 0) return ',';
        var chosen = Array.IndexOf(Candidates, best);
        foreach (var record in records.Skip(1))
        {
            if (record.Counts[chosen] == header[chosen] || record.Blank) continue;
            var other = Candidates.Select((d, i) => (d, i)).FirstOrDefault(c => c.i != chosen && record.Counts[c.i] == header[chosen] && record.Counts[c.i] > 0);
            if (other.d != default)
                throw new ImportFileException(
                    Message.Of<ReadingText>("the file mixes delimiters: line {0} uses {1}, this line uses {2}; save it with one delimiter or choose one", firstLine, Label(best), Label(other.d)),
                    firstLine + record.Line - 1);
        }
        return best;
    }

    /// <summary>The delimiter as a message names it: a tab by its word in the reader's language, any other as itself in quotes.</summary>
    private static object Label(char delimiter) => delimiter == '\t' ? Message.Of<ReadingText>("tab") : Name(delimiter);

    public static string Name(char delimiter) => delimiter switch
    {
        '\t' => "tab",
        _ => $"'{delimiter}'",
    };

    private sealed record Record(long Line, int[] Counts, bool Blank);

    private static List<Record> Records(string sample, bool complete, int maxRecords)
    {
        var records = new List<Record>();
        var counts = new int[Candidates.Length];
        var quoted = false;
        long line = 1, start = 1;
        var blank = true;
        for (var i = 0; i < sample.Length && records.Count < maxRecords; i++)
        {
            var ch = sample[i];
            if (ch == '"') { quoted = !quoted; blank = false; continue; }
            if (ch == '\n')
            {
                line++;
                if (quoted) continue;
                records.Add(new Record(start, counts, blank));
                counts = new int[Candidates.Length];
                start = line;
                blank = true;
                continue;
            }
            if (quoted) continue;
            if (ch is not ('\r' or ' ')) blank = false;
            var index = Array.IndexOf(Candidates, ch);
            if (index >= 0) counts[index]++;
        }
        if (complete && !blank && records.Count < maxRecords) records.Add(new Record(start, counts, blank));
        return records;
    }
}
