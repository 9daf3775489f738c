using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Privacy;

/// <summary>The stored consent wordings: a new wording of a code is its next version; versions are never changed.</summary>
public static class ConsentTexts
{
    public static Task<List<ConsentTextResponse>> ListAsync(ClienteleDb db, CancellationToken ct) =>
        db.Set<ConsentText>().AsNoTracking().OrderBy(t => t.Code).ThenByDescending(t => t.Version)
            .Select(t => new ConsentTextResponse(t.Id, t.Code, t.Version, t.Language, t.Body, t.CreatedAt, t.CreatedById))
            .ToListAsync(ct);

    public static async Task<PrivacyResult<ConsentTextResponse>> AddAsync(ClienteleDb db, ConsentTextInput input, long? by, CancellationToken ct)
    {
        var errors = ConsentRules.Check(input);
        if (errors.Any) return PrivacyResult<ConsentTextResponse>.Invalid(errors);
        var code = input.Code!.Trim();
        var last = await db.Set<ConsentText>().Where(t => t.Code == code).MaxAsync(t => (int?)t.Version, ct) ?? 0;
        var text = new ConsentText { Code = code, Version = last + 1, Language = input.Language!.Trim().ToLowerInvariant(), Body = input.Body!.Trim(), CreatedAt = db.UtcNow, CreatedById = by };
        db.Add(text);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return PrivacyResult<ConsentTextResponse>.Conflict($"Another version of '{code}' was saved at the same time; try again.");
        }
        return PrivacyResult<ConsentTextResponse>.Ok(new ConsentTextResponse(text.Id, text.Code, text.Version, text.Language, text.Body, text.CreatedAt, text.CreatedById));
    }
}
