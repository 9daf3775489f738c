using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;

namespace Clientele.Features.Campaigns;

/// <summary>What a template may say about one recipient, already worded in the recipient's language.</summary>
public sealed record TemplateModel(
    string ClientName, string? ClientCity, string ContactName, string? ContactPosition,
    string? ManagerName, string? ManagerEmail, string? LastPurchaseDate, string? LastPurchaseAmount, string UnsubscribeUrl,
    string? NextCategory = null, string? NextBecause = null);

/// <summary>The rendered parts of one message.</summary>
public sealed record RenderedMail(string Subject, string Html, string Text);

/// <summary>
/// Campaign templates in Liquid, parsed and rendered by Fluid. A template is checked when it is saved: a syntax error
/// or a placeholder that is not one of <see cref="Placeholders"/> is refused naming its line, so nothing fails or
/// renders empty at send time.
/// </summary>
public static partial class CampaignTemplates
{
    public static readonly IReadOnlyList<string> Placeholders =
    [
        "client.name", "client.city", "contact.name", "contact.position", "manager.name", "manager.email",
        "last_purchase.date", "last_purchase.amount", "next_product.category", "next_product.because", "unsubscribe_url",
    ];

    /// <summary>Whether the template offers the next product: only then is the client's basket read for each message.</summary>
    public static bool UsesNextProduct(params string?[] sources) => sources.Any(s => s?.Contains("next_product", StringComparison.Ordinal) == true);

    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = TemplateOptions.Default;
    /// <summary>Words of Liquid's own that may stand in a condition beside placeholders.</summary>
    private static readonly HashSet<string> LiquidWords = ["and", "or", "contains", "blank", "empty", "nil", "null", "true", "false", "else"];

    /// <summary>Adds to <paramref name="errors"/> under <paramref name="field"/> what is wrong with <paramref name="source"/>.</summary>
    public static void Check(Errors errors, string field, string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            errors.Add(field, Message.Of("is required."));
            return;
        }
        if (!Parser.TryParse(source, out _, out var error))
        {
            var at = PositionPattern().Match(error ?? "");
            var line = at.Success ? int.Parse(at.Groups[1].Value, CultureInfo.InvariantCulture) : LineOf(source, source.Length);
            errors.Add(field, Message.Of<CampaignText>("line {0}: the template cannot be read ({1}).", line, error));
            return;
        }
        foreach (Match expression in ExpressionPattern().Matches(source))
        {
            var body = expression.Groups["output"].Success ? expression.Groups["output"].Value.Split('|')[0] : expression.Groups["condition"].Value;
            foreach (Match word in PathPattern().Matches(StringLiteral().Replace(body, "")))
            {
                if (LiquidWords.Contains(word.Value) || Placeholders.Contains(word.Value)) continue;
                errors.Add(field, Message.Of<CampaignText>("line {0}: there is no placeholder '{1}'; use one of {2}.",
                    LineOf(source, expression.Index), word.Value, string.Join(", ", Placeholders)));
                return;
            }
        }
    }

    private static int LineOf(string source, int index) => source.AsSpan(0, Math.Min(index, source.Length)).Count('\n') + 1;

    /// <summary>Renders a template that <see cref="Check"/> passed; HTML parts encode the values, the others do not.</summary>
    public static async Task<RenderedMail> RenderAsync(CampaignTemplate template, TemplateModel model, CultureInfo culture)
    {
        var context = new TemplateContext(Options) { CultureInfo = culture };
        context.SetValue("client", new Dictionary<string, object> { ["name"] = model.ClientName, ["city"] = model.ClientCity ?? "" });
        context.SetValue("contact", new Dictionary<string, object> { ["name"] = model.ContactName, ["position"] = model.ContactPosition ?? "" });
        context.SetValue("manager", new Dictionary<string, object> { ["name"] = model.ManagerName ?? "", ["email"] = model.ManagerEmail ?? "" });
        context.SetValue("last_purchase", new Dictionary<string, object> { ["date"] = model.LastPurchaseDate ?? "", ["amount"] = model.LastPurchaseAmount ?? "" });
        context.SetValue("next_product", new Dictionary<string, object> { ["category"] = model.NextCategory ?? "", ["because"] = model.NextBecause ?? "" });
        context.SetValue("unsubscribe_url", model.UnsubscribeUrl);
        return new RenderedMail(
            (await RenderOneAsync(template.Subject, context, NullEncoder.Default)).ReplaceLineEndings(" ").Trim(),
            await RenderOneAsync(template.Html, context, HtmlEncoder.Default),
            await RenderOneAsync(template.Text, context, NullEncoder.Default));
    }

    private static async Task<string> RenderOneAsync(string source, TemplateContext context, TextEncoder encoder)
    {
        if (!Parser.TryParse(source, out var template, out var error)) throw new InvalidOperationException("A checked template no longer parses: " + error);
        return await template.RenderAsync(context, encoder);
    }

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex PositionPattern();

    [GeneratedRegex(@"\{\{-?(?<output>.*?)-?\}\}|\{%-?\s*(?:if|elsif|unless)\b(?<condition>.*?)-?%\}", RegexOptions.Singleline)]
    private static partial Regex ExpressionPattern();

    [GeneratedRegex(@"(?<![\w.])[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"""[^""]*""|'[^']*'")]
    private static partial Regex StringLiteral();
}
