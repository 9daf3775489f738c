namespace Clientele.Features.Privacy;

/// <summary>Checks consent input; the limits are the columns' lengths.</summary>
public static class ConsentRules
{
    public const int TextMax = 8000;
    public const int CodeMax = 50;
    /// <summary>Clocks of the recording device and the server may differ a little; a consent from the future may not.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static Errors Check(GiveConsentInput input, DateTime now)
    {
        var e = new Errors();
        if (input.Channel is not { } channel) e.Add("channel", Message.Of("is required: one of {0}.", string.Join(", ", Enum.GetNames<ContactChannel>())));
        else e.Defined("channel", channel);
        if (input.Purpose is not { } purpose) e.Add("purpose", Message.Of("is required: one of {0}.", string.Join(", ", Enum.GetNames<ConsentPurpose>())));
        else e.Defined("purpose", purpose);
        if (input.Source is not { } source) e.Add("source", Message.Of("is required: one of {0}.", string.Join(", ", Enum.GetNames<ConsentSource>())));
        else if (source == ConsentSource.ConfirmationLink)
            e.Add("source", Message.Of<PrivacyText>("a consent by confirmation link is recorded only by the person's own click; send them a request instead."));
        else e.Defined("source", source);
        if (input.GrantedAt is { } at && (at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at) > now + ClockSkew)
            e.Add("grantedAt", Message.Of("must not lie in the future."));
        if (input.GrantedAt is { Year: < 1990 }) e.Add("grantedAt", Message.Of("must be after 1990."));
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text) && input.ConsentTextId is null)
            e.Add("text", Message.Of("the exact wording consented to (text) or a stored version (consentTextId) is required."));
        else if (!string.IsNullOrEmpty(text) && input.ConsentTextId is not null)
            e.Add("text", Message.Of("give either the wording (text) or a stored version (consentTextId), not both."));
        else if (text?.Length > TextMax) e.Add("text", Message.Of("must be at most {0} characters (is {1}).", TextMax, text.Length));
        return e;
    }

    public static Errors Check(ConsentTextInput input)
    {
        var e = new Errors();
        var code = e.Required("code", input.Code, CodeMax);
        if (code is not null && !code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
            e.Add("code", Message.Of("may hold only Latin letters, digits, '-' and '_'."));
        var language = e.Required("language", input.Language, 5)?.ToLowerInvariant();
        if (language is not null and not ("ru" or "de" or "en")) e.Add("language", Message.Of("must be ru, de or en."));
        e.Required("body", input.Body, TextMax);
        return e;
    }
}
