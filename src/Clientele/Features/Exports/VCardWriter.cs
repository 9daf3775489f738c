using System.Security.Cryptography;
using System.Text;

namespace Clientele.Features.Exports;

/// <summary>vCard 4.0 (RFC 6350) or 3.0 (RFC 2426).</summary>
public enum VCardVersion { V3, V4 }

/// <summary>
/// Writes vCard lines: values escaped (backslash, comma, semicolon, line breaks), lines folded at 75 octets without
/// splitting a UTF-8 character, CRLF line ends — what phone books, Outlook and Google read.
/// </summary>
public sealed class VCardWriter(Stream output, VCardVersion version)
{
    private const int MaxOctets = 75;
    private static readonly Guid Namespace = new("6f1c3a52-9d0e-4b7a-8c1e-2f3d4a5b6c7d");

    public VCardVersion Version => version;

    public void Begin(string uid, bool organisation)
    {
        Line("BEGIN:VCARD");
        Line(version == VCardVersion.V4 ? "VERSION:4.0" : "VERSION:3.0");
        Line("PRODID:-//Clientele//Clientele CRM//EN");
        if (version == VCardVersion.V4) Line(organisation ? "KIND:org" : "KIND:individual");
        Line("UID:" + uid);
    }

    public void End() => Line("END:VCARD");

    /// <summary>A property with one text value, escaped; nothing for an empty value.</summary>
    public void Text(string property, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) Line(property + ":" + Escape(value.Trim()));
    }

    /// <summary>A structured value (N, ADR, ORG): components escaped one by one and joined by ';'.</summary>
    public void Structured(string property, params string?[] components) =>
        Line(property + ":" + string.Join(';', components.Select(c => Escape(c?.Trim() ?? ""))));

    /// <summary>A list value (CATEGORIES): items escaped one by one and joined by ','.</summary>
    public void List(string property, IEnumerable<string> items)
    {
        var values = items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => Escape(i.Trim())).ToList();
        if (values.Count > 0) Line(property + ":" + string.Join(',', values));
    }

    /// <summary>A work phone, E.164: a tel: URI in 4.0, the number itself in 3.0.</summary>
    public void Phone(string? e164)
    {
        if (string.IsNullOrWhiteSpace(e164)) return;
        Line(version == VCardVersion.V4 ? "TEL;VALUE=uri;TYPE=work:tel:" + e164.Trim() : "TEL;TYPE=WORK,VOICE:" + e164.Trim());
    }

    public void Email(string? address)
    {
        if (!string.IsNullOrWhiteSpace(address)) Line((version == VCardVersion.V4 ? "EMAIL;TYPE=work:" : "EMAIL;TYPE=INTERNET,WORK:") + Escape(address.Trim()));
    }

    /// <summary>A stable urn:uuid for a record: the same client gives the same UID in every export, so a phone book updates the card instead of adding another.</summary>
    public static string Uid(string kind, long id)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Namespace:N}/{kind}/{id}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // name-based, as version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return "urn:uuid:" + new Guid(bytes, bigEndian: true).ToString("D");
    }

    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case ',': text.Append("\\,"); break;
                case ';': text.Append("\\;"); break;
                case '\r' when i + 1 < value.Length && value[i + 1] == '\n': break;
                case '\r' or '\n': text.Append("\\n"); break;
                default:
                    // Other control characters have no escape in vCard and break readers.
                    if (!char.IsControl(c) || c == '\t') text.Append(c);
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>Writes a content line folded at 75 octets: each continuation starts with a space, and a break never falls inside a UTF-8 character.</summary>
    public void Line(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var start = 0;
        var limit = MaxOctets;
        while (bytes.Length - start > limit)
        {
            var cut = start + limit;
            while ((bytes[cut] & 0xC0) == 0x80) cut--; // back to the first byte of a character
            Write(bytes.AsSpan(start, cut - start));
            Write("\r\n "u8);
            start = cut;
            limit = MaxOctets - 1; // the leading space counts
        }
        Write(bytes.AsSpan(start));
        Write("\r\n"u8);
    }

    private void Write(ReadOnlySpan<byte> bytes) => output.Write(bytes);

    public void Flush() => output.Flush();

}
