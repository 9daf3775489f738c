using System.IO.Compression;
using System.Xml;

namespace Clientele.Features.Imports.Reading;

/// <summary>
/// The ZIP side of an XLSX: refuses archives that would unpack to more than <see cref="MaxUnpackedBytes"/> (by their
/// declared sizes before anything is read, and by counting the bytes actually inflated, since declared sizes can lie),
/// and finds the workbook's parts through the package relationships.
/// </summary>
public sealed class XlsxPackage : IDisposable
{
    public const long MaxUnpackedBytes = 500L << 20;
    private const long SuspiciousEntryBytes = 10L << 20;
    private const int SuspiciousRatio = 100;

    private readonly FileStream file;
    private readonly ZipArchive zip;
    private long unpacked;

    private XlsxPackage(FileStream file, ZipArchive zip)
    {
        this.file = file;
        this.zip = zip;
    }

    public long UnpackLimit { get; init; } = MaxUnpackedBytes;

    /// <summary>Bytes inflated so far, across all parts.</summary>
    public long UnpackedBytes => unpacked;

    public static XlsxPackage Open(string path, long unpackLimit = MaxUnpackedBytes)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            ZipArchive zip;
            try
            {
                zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (InvalidDataException)
            {
                throw new ImportFileException(Message.Of<ReadingText>("the file is a damaged or truncated ZIP archive, not a readable workbook; save it again as .xlsx"));
            }
            var package = new XlsxPackage(file, zip) { UnpackLimit = unpackLimit };
            package.RefuseBombs();
            return package;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private void RefuseBombs()
    {
        long declared = 0;
        foreach (var entry in zip.Entries)
        {
            declared += entry.Length;
            var ratio = entry.Length / Math.Max(1, entry.CompressedLength);
            if (entry.Length > SuspiciousEntryBytes && ratio > SuspiciousRatio || declared > UnpackLimit)
            {
                var total = zip.Entries.Sum(e => e.Length);
                throw new ImportFileException(Message.Of<ReadingText>("the workbook would unpack to {0} MB; refused as a possible ZIP bomb", total >> 20));
            }
        }
    }

    /// <summary>The entry's bytes as they inflate, counted against the limit; null when there is no such entry.</summary>
    public Stream? OpenPart(string partPath)
    {
        var entry = zip.GetEntry(partPath.TrimStart('/'));
        if (entry is null) return null;
        try
        {
            return new CountingStream(entry.Open(), this);
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException(Message.Of<ReadingText>("the workbook's part {0} is damaged; save the file again as .xlsx", partPath));
        }
    }

    public long LengthOf(string partPath) => zip.GetEntry(partPath.TrimStart('/'))?.Length ?? 0;

    /// <summary>The main workbook part: the package's officeDocument relationship, as Excel and LibreOffice write it.</summary>
    public string WorkbookPath()
    {
        var relations = Relationships("_rels/.rels", "");
        var workbook = relations.FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target;
        if (workbook is null || zip.GetEntry(workbook) is null)
            throw new ImportFileException(Message.Of<ReadingText>("a ZIP archive, but not an Excel workbook (no workbook inside); save it as .xlsx or CSV"));
        return workbook;
    }

    /// <summary>Relationships of a part: id, type and the target resolved against <paramref name="baseFolder"/>.</summary>
    public List<(string Id, string Type, string Target)> Relationships(string relsPath, string baseFolder)
    {
        var result = new List<(string, string, string)>();
        using var stream = OpenPart(relsPath);
        if (stream is null) return result;
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship") continue;
            var target = xml.GetAttribute("Target") ?? "";
            if (xml.GetAttribute("TargetMode") == "External") continue;
            var resolved = target.StartsWith('/') ? target[1..] : Normalize(baseFolder + target);
            result.Add((xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "", resolved));
        }
        return result;
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (part is not ("." or "")) parts.Add(part);
        }
        return string.Join('/', parts);
    }

    public void Dispose()
    {
        zip.Dispose();
        file.Dispose();
    }

    /// <summary>Counts inflated bytes across all parts; past the limit the read fails instead of filling memory or disk.</summary>
    private sealed class CountingStream(Stream inner, XlsxPackage package) : Stream
    {
        private long position;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read;
            try
            {
                read = inner.Read(buffer);
            }
            catch (InvalidDataException)
            {
                throw new ImportFileException(Message.Of<ReadingText>("the workbook is damaged (a part does not unpack); save the file again as .xlsx"));
            }
            position += read;
            package.unpacked += read;
            if (package.unpacked > package.UnpackLimit)
                throw new ImportFileException(Message.Of<ReadingText>("the workbook unpacks to more than {0} MB; refused as a possible ZIP bomb", package.UnpackLimit >> 20));
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
