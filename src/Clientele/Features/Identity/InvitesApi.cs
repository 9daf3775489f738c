using System.Net;
using System.Security.Claims;
using System.Text;
using Clientele.Features.Pipeline;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Features.Identity;

/// <summary>Body of an invitation: <c>role</c> is owner, manager, marketer or analyst; <c>send</c> mails the link.</summary>
public sealed record InviteRequest(string? Email, string? DisplayName, string? Role, bool Send);

/// <summary>
/// The owner's invitations (<c>/api/v1/users/invites</c>) and the invitee's page <c>/invite/{token}</c>, which has no
/// account behind it: the link's signature (a key outside the database) is the permission, for that one invitation.
/// </summary>
public static class InvitesApi
{
    public static IEndpointRouteBuilder MapInvites(this IEndpointRouteBuilder app)
    {
        var owner = app.MapGroup("/api/v1/users/invites").AllowRoles(EmployeeRole.Owner).WithTags("Users");
        owner.MapPost("/", Invite).WithSummary(
            "Invites a user by e-mail and role: the answer carries the link (valid for 7 days, used once) to copy; with send=true it is also mailed through the configured SMTP server (mailed, or mailProblem saying why not).");
        owner.MapGet("/", (UserInvites invites, HttpContext http, CancellationToken ct) => invites.OpenAsync(SiteUrl(http.Request), ct))
            .WithSummary("The invitations not yet used, withdrawn nor expired, with their links.");
        owner.MapDelete("/{id:long}", Revoke).WithSummary(
            "Withdraws an invitation not yet used: its link then answers that it was withdrawn and makes no account. 204 also when it was already withdrawn or has expired; 409 when it was used (deactivate the user instead).");

        var page = app.MapGroup("/invite").AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        page.MapGet("/{token}", ShowAsync);
        page.MapPost("/{token}", AcceptAsync).RequireRateLimiting(SignInSetup.RateLimitPolicy);
        return app;
    }

    public static string SiteUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static async Task<Results<Created<InviteRow>, ValidationProblem>> Invite(
        InviteRequest body, UserInvites invites, ClaimsPrincipal principal, HttpContext http, CancellationToken ct)
    {
        EmployeeRole? role = null;
        if (body.Role is { } text && !int.TryParse(text, out _) && Enum.TryParse<EmployeeRole>(text, true, out var parsed) && Enum.IsDefined(parsed)) role = parsed;
        var (refused, row) = await invites.InviteAsync(body.Email, body.DisplayName, role, body.Send, CurrentUser.IdOf(principal) ?? 0, SiteUrl(http.Request), ct);
        if (refused is not null) return ApiConventions.Invalid(refused);
        return TypedResults.Created($"/api/v1/users/invites/{row!.Id}", row);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(long id, UserInvites invites, CancellationToken ct) =>
        await invites.RevokeAsync(id, ct) switch
        {
            RevokeOutcome.Revoked => TypedResults.NoContent(),
            RevokeOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Message.Of<InviteText>("There is no invitation {0}.", id).Render()),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: Message.Of<InviteText>("This invitation has already been used and cannot be withdrawn; deactivate the user instead.").Render()),
        };

    private static async Task<IResult> ShowAsync(string token, HttpContext http, SystemScopes scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (state, invite) = await scope.ServiceProvider.GetRequiredService<UserInvites>().ReadAsync(token, ct);
        return state == InviteState.Open ? Form(http, HttpStatusCode.OK, invite!, invite!.DisplayName, null) : Closed(http, state);
    }

    private static async Task<IResult> AcceptAsync(string token, HttpContext http, SystemScopes scopes, CancellationToken ct)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
        var name = form?["displayName"].ToString();
        await using var scope = scopes.CreateAsyncScope();
        var invites = scope.ServiceProvider.GetRequiredService<UserInvites>();
        var (state, refused, account) = await invites.AcceptAsync(token, name, form?["password"].ToString(), ct);
        if (state != InviteState.Open) return Closed(http, state);
        if (refused is not null) return Form(http, HttpStatusCode.BadRequest, (await invites.ReadAsync(token, ct)).Invite!, name, refused);
        var signIn = $"<p><a href=\"/login\" id=\"invite-sign-in\">{E(Message.Of<InviteText>("Sign in").Render())}</a></p>";
        return PublicPage.Render(http, HttpStatusCode.OK, Title(), Message.Of<InviteText>("Your account is ready: sign in with {0} and your new password.", account!.Email!), signIn);
    }

    /// <summary>The form: the invitee's name (the owner's suggestion first) and password; refusals beside their fields. The password is never sent back.</summary>
    private static IResult Form(HttpContext http, HttpStatusCode status, UserInvite invite, string? name, Errors? refused)
    {
        string Refusal(string field) => refused?.All.Where(r => r.Field == field).Select(r => $"<p class=\"field-error\" role=\"alert\" data-field=\"{field}\">{E(r.Message.Render())}</p>").FirstOrDefault() ?? "";
        var body = new StringBuilder()
            .Append("<form method=\"post\" id=\"invite-form\">")
            .Append(Refusal("email"))
            .Append("<label for=\"invite-name\">").Append(E(Message.Of<InviteText>("Your name").Render())).Append("</label>")
            .Append("<input id=\"invite-name\" name=\"displayName\" autocomplete=\"name\" required maxlength=\"200\" value=\"").Append(E(name ?? "")).Append("\">")
            .Append(Refusal("displayName"))
            .Append("<label for=\"invite-password\">").Append(E(Message.Of<InviteText>("Password (at least 12 characters)").Render())).Append("</label>")
            .Append("<input id=\"invite-password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required>")
            .Append(Refusal("password"))
            .Append("<button type=\"submit\" id=\"accept-invite\">").Append(E(Message.Of<InviteText>("Create my account").Render())).Append("</button></form>");
        return PublicPage.Render(http, status, Title(),
            Message.Of<InviteText>("You are invited to Clientele as {0}, with the e-mail {1}. Choose your name and password.", UserAdministration.RoleLabel(invite.Role), invite.Email), body.ToString());
    }

    private static IResult Closed(HttpContext http, InviteState state) => state switch
    {
        InviteState.Used => PublicPage.Render(http, HttpStatusCode.Conflict, Title(),
            Message.Of<InviteText>("This invitation has already been used. Sign in with your e-mail and password; nothing was changed."),
            $"<p><a href=\"/login\">{E(Message.Of<InviteText>("Sign in").Render())}</a></p>"),
        InviteState.Revoked => PublicPage.Render(http, HttpStatusCode.Gone, Title(),
            Message.Of<InviteText>("This invitation was withdrawn. Ask the person who invited you if you should still join; nothing was changed."), ""),
        InviteState.Expired => PublicPage.Render(http, HttpStatusCode.Gone, Title(),
            Message.Of<InviteText>("This invitation has expired. Ask the person who invited you for a new one; nothing was changed."), ""),
        _ => PublicPage.Render(http, HttpStatusCode.NotFound, Title(),
            Message.Of<InviteText>("This invitation link is not valid. Use the link as you received it, or ask for a new one; nothing was changed."), ""),
    };

    private static string Title() => Message.Of<InviteText>("Invitation to Clientele").Render();

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
