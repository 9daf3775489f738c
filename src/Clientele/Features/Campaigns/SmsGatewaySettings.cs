using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Campaigns;

public enum SmsGatewayPreset { Generic = 0, SmsRu = 1, Seven = 2 }

public enum SmsBodyFormat { Form = 0, Json = 1 }

/// <summary>
/// The HTTP gateway SMS campaigns go through (one row): the request is the owner's to shape — address, method, body
/// with placeholders, an authorisation header — so any gateway with an HTTP API fits; the presets fill in two common
/// ones. The secret (API key or token) is kept encrypted like the SMTP password and never shown back.
/// </summary>
public sealed class SmsGatewaySettings : IVersioned
{
    public const long SingletonId = 1;
    public long Id { get; set; } = SingletonId;
    public SmsGatewayPreset Preset { get; set; }
    /// <summary>May hold placeholders (a GET gateway takes everything in the query).</summary>
    public string Url { get; set; } = "";
    public string Method { get; set; } = "POST";
    public SmsBodyFormat BodyFormat { get; set; } = SmsBodyFormat.Json;
    /// <summary>With <see cref="SmsRequest.Placeholders"/>; empty for a GET.</summary>
    public string BodyTemplate { get; set; } = "";
    /// <summary>The header the secret goes in (e.g. X-Api-Key, Authorization); empty when the secret is a placeholder of the body.</summary>
    public string? AuthHeader { get; set; }
    /// <summary>AES-GCM under a key derived from the audit key file (<see cref="MailSecrets"/>); never shown.</summary>
    public string? ProtectedSecret { get; set; }
    /// <summary>The sender name or number the gateway shows.</summary>
    public string? Sender { get; set; }
    /// <summary>A regular expression a 2xx answer must match to count as accepted (a gateway that answers 200 with an error); empty: any 2xx.</summary>
    public string? AcceptedPattern { get; set; }
    /// <summary>The address recipients reach this server at, for the opt-out link appended to every SMS.</summary>
    public string PublicUrl { get; set; } = "";
    public double MessagesPerSecond { get; set; } = 5;
    public long Version { get; set; }

    public bool IsConfigured => Url.Length > 0 && PublicUrl.Length > 0;
}

/// <summary>A ready request shape, written from the gateway's public API description.</summary>
public sealed record SmsPreset(SmsGatewayPreset Preset, string Url, string Method, SmsBodyFormat BodyFormat, string BodyTemplate, string? AuthHeader, string? AcceptedPattern)
{
    public static readonly IReadOnlyList<SmsPreset> All =
    [
        // Any gateway: a JSON POST with a bearer token; the outbox reference goes as the client's reference.
        new(SmsGatewayPreset.Generic, "https://sms.example.com/api/send", "POST", SmsBodyFormat.Json,
            """{"to":"{phone}","text":"{text}","sender":"{sender}","reference":"{reference}"}""", "Authorization", null),
        // SMS.ru (Russia): form fields api_id, to (digits), msg, from; json=1 makes it answer JSON, where an accepted
        // message carries its sms_id. It has no client reference field.
        new(SmsGatewayPreset.SmsRu, "https://sms.ru/sms/send", "POST", SmsBodyFormat.Form,
            "api_id={secret}&to={phone_digits}&msg={text}&from={sender}&json=1", null, "\"sms_id\""),
        // seven.io (Germany): the key in X-Api-Key, JSON fields to, text, from and foreign_id (the client's reference);
        // return code 100 is "sent".
        new(SmsGatewayPreset.Seven, "https://gateway.seven.io/api/sms", "POST", SmsBodyFormat.Json,
            """{"to":"{phone}","text":"{text}","from":"{sender}","foreign_id":"{reference}","json":1}""", "X-Api-Key", "\"success\"\\s*:\\s*\"?100"),
    ];

    public static SmsPreset Of(SmsGatewayPreset preset) => All.First(p => p.Preset == preset);
}

public sealed record SmsGatewayInput(SmsGatewayPreset? Preset, string? Url, string? Method, SmsBodyFormat? BodyFormat, string? BodyTemplate,
    string? AuthHeader, string? Secret, string? Sender, string? AcceptedPattern, string? PublicUrl, double? MessagesPerSecond);

/// <summary>The settings as shown: the secret never, only whether one is stored.</summary>
public sealed record SmsGatewayResponse(SmsGatewayPreset Preset, string Url, string Method, SmsBodyFormat BodyFormat, string BodyTemplate,
    string? AuthHeader, bool HasSecret, string? Sender, string? AcceptedPattern, string PublicUrl, double MessagesPerSecond, long Version)
{
    public static SmsGatewayResponse Of(SmsGatewaySettings s) => new(s.Preset, s.Url, s.Method, s.BodyFormat, s.BodyTemplate, s.AuthHeader,
        s.ProtectedSecret is not null, s.Sender, s.AcceptedPattern, s.PublicUrl, s.MessagesPerSecond, s.Version);
}

/// <summary>Reads and writes the gateway settings; a preset fills every field the input leaves out.</summary>
public sealed class SmsGatewayStore(ClienteleDb db)
{
    public async Task<SmsGatewayResponse> GetAsync(CancellationToken ct) =>
        SmsGatewayResponse.Of(await db.Set<SmsGatewaySettings>().AsNoTracking().SingleOrDefaultAsync(ct) ?? new SmsGatewaySettings());

    /// <summary>A secret left out keeps the stored one; an empty one removes it. A refused input changes nothing.</summary>
    public async Task<(SmsGatewayResponse? Saved, Errors Errors)> SaveAsync(SmsGatewayInput input, CancellationToken ct)
    {
        var preset = SmsPreset.Of(input.Preset ?? SmsGatewayPreset.Generic);
        var filled = input with
        {
            Url = input.Url ?? preset.Url, Method = input.Method ?? preset.Method, BodyFormat = input.BodyFormat ?? preset.BodyFormat,
            BodyTemplate = input.BodyTemplate ?? preset.BodyTemplate, AuthHeader = input.AuthHeader ?? preset.AuthHeader,
            AcceptedPattern = input.AcceptedPattern ?? preset.AcceptedPattern,
        };
        var errors = Check(filled);
        if (errors.Any) return (null, errors);
        var row = await db.Set<SmsGatewaySettings>().SingleOrDefaultAsync(ct);
        if (row is null) db.Add(row = new SmsGatewaySettings());
        row.Preset = preset.Preset;
        row.Url = filled.Url!.Trim();
        row.Method = filled.Method!.Trim().ToUpperInvariant();
        row.BodyFormat = filled.BodyFormat!.Value;
        row.BodyTemplate = filled.BodyTemplate ?? "";
        row.AuthHeader = string.IsNullOrWhiteSpace(filled.AuthHeader) ? null : filled.AuthHeader.Trim();
        if (input.Secret is { } secret) row.ProtectedSecret = secret.Length == 0 ? null : MailSecrets.Of(db).Protect(secret);
        row.Sender = string.IsNullOrWhiteSpace(filled.Sender) ? null : filled.Sender.Trim();
        row.AcceptedPattern = string.IsNullOrWhiteSpace(filled.AcceptedPattern) ? null : filled.AcceptedPattern;
        row.PublicUrl = filled.PublicUrl!.Trim().TrimEnd('/');
        row.MessagesPerSecond = filled.MessagesPerSecond ?? 5;
        await db.SaveChangesAsync(ct);
        return (SmsGatewayResponse.Of(row), errors);
    }

    public static Errors Check(SmsGatewayInput input)
    {
        var e = new Errors();
        if (input.Preset is { } preset) e.Defined("preset", preset);
        if (input.BodyFormat is { } format) e.Defined("bodyFormat", format);
        var url = e.Required("url", input.Url, 500);
        // The placeholders stand for URL-encoded values, so the address with an example in each is the one to check.
        if (url is not null && !(Uri.TryCreate(SmsRequest.Example(url), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)))
            e.Add("url", Message.Of<ChannelText>("must be the gateway's address, starting with https://."));
        if (input.Method?.Trim().ToUpperInvariant() is not ("GET" or "POST" or "PUT")) e.Add("method", Message.Of<ChannelText>("must be GET, POST or PUT."));
        e.Optional("bodyTemplate", input.BodyTemplate, 2000);
        if (input.Method?.Trim().ToUpperInvariant() is "POST" or "PUT" && string.IsNullOrWhiteSpace(input.BodyTemplate))
            e.Add("bodyTemplate", Message.Of<ChannelText>("a POST or PUT needs a body; put {0} where the message goes.", "{text}"));
        if (!$"{input.Url}{input.BodyTemplate}".Contains("{text}", StringComparison.Ordinal) || !$"{input.Url}{input.BodyTemplate}".Contains("{phone", StringComparison.Ordinal))
            e.Add("bodyTemplate", Message.Of<ChannelText>("the request must carry {0} (or {1}) and {2}.", "{phone}", "{phone_digits}", "{text}"));
        if (SmsRequest.UnknownPlaceholder($"{input.Url} {input.BodyTemplate}") is { } unknown)
            e.Add("bodyTemplate", Message.Of<ChannelText>("there is no placeholder {0}; use one of {1}.", unknown, string.Join(", ", SmsRequest.Placeholders)));
        if (input.AuthHeader is { Length: > 0 } header && !Regex.IsMatch(header.Trim(), "^[A-Za-z0-9-]{1,100}$"))
            e.Add("authHeader", Message.Of<ChannelText>("must be a header name such as X-Api-Key or Authorization."));
        e.Optional("secret", input.Secret, 500);
        e.Optional("sender", input.Sender, 20);
        if (e.Optional("acceptedPattern", input.AcceptedPattern, 200) is { Length: > 0 } pattern && !SmsRequest.IsPattern(pattern))
            e.Add("acceptedPattern", Message.Of<ChannelText>("is not a regular expression."));
        var publicUrl = e.Required("publicUrl", input.PublicUrl, 500);
        if (publicUrl is not null && !(Uri.TryCreate(publicUrl, UriKind.Absolute, out var p) && (p.Scheme == Uri.UriSchemeHttps || p.Scheme == Uri.UriSchemeHttp)))
            e.Add("publicUrl", Message.Of<CampaignText>("must be the address recipients reach this server at, starting with https://."));
        if (input.MessagesPerSecond is { } rate && !(rate > 0 && rate <= 1000)) e.Add("messagesPerSecond", Message.Of<CampaignText>("must be more than 0 and at most 1000."));
        return e;
    }
}

internal sealed class SmsGatewaySettingsConfiguration : IEntityTypeConfiguration<SmsGatewaySettings>
{
    public void Configure(EntityTypeBuilder<SmsGatewaySettings> b)
    {
        b.ToTable("SmsGatewaySettings");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Url).HasMaxLength(500);
        b.Property(s => s.Method).HasMaxLength(10);
        b.Property(s => s.BodyTemplate).HasMaxLength(2000);
        b.Property(s => s.AuthHeader).HasMaxLength(100);
        b.Property(s => s.ProtectedSecret).HasMaxLength(1000);
        b.Property(s => s.Sender).HasMaxLength(20);
        b.Property(s => s.AcceptedPattern).HasMaxLength(200);
        b.Property(s => s.PublicUrl).HasMaxLength(500);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.IsConfigured);
    }
}
