using System.Security.Claims;
using Clientele.Features.Contacts;
using Clientele.Features.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Access;

/// <summary>
/// What the acting user may see, read by the data layer's query filters and field masks on every query, so that
/// pages, the API, search, exports, reports and jobs obey the same rule without remembering to.
/// </summary>
/// <remarks>
/// Resolved on each use rather than once: a request's context is made before authentication has run (the token
/// handler and the cookie's stamp check use it), and a circuit's user can be signed out while it lives.
/// </remarks>
public class AccessScope
{
    /// <summary>No user behind the work (jobs, the command line, migrations): everything, unmasked.</summary>
    public static readonly AccessScope System = new FixedScope(Viewer.System);

    /// <summary>No signed-in user where users sign in (a request before authentication, work in the web host that did
    /// not name the system scope): no client, nothing to mask.</summary>
    public static readonly AccessScope Nobody = new FixedScope(Viewer.Nobody);

    /// <summary>An id no employee has, so that "manager is the viewer" never matches an unassigned client.</summary>
    public const long NoEmployee = -1;

    protected virtual Viewer Current => Viewer.System;

    /// <summary>Owner, marketer, analyst and jobs see every client; a manager sees their own, co-managed and team's.</summary>
    public bool SeesAllClients => Current.SeesAll;

    /// <summary>The viewer's employee id, or <see cref="NoEmployee"/>.</summary>
    public long ViewerId => Current.EmployeeId;

    public EmployeeRole? Role => Current.Role;

    /// <summary>Analysts work with aggregates: names of clients and contact persons are hidden.</summary>
    public bool MasksNames => Current.Role == EmployeeRole.Analyst;

    /// <summary>Personal fields (birthdays, notes, tax ids of persons) are hidden from analysts and marketers.</summary>
    public bool MasksSensitive => Current.Role is EmployeeRole.Analyst or EmployeeRole.Marketer;

    /// <summary>Phones and e-mails: hidden from analysts; from marketers unless the person consented to contact.</summary>
    public bool MasksContacts => Current.Role is EmployeeRole.Analyst or EmployeeRole.Marketer;

    public bool MasksAnything => MasksSensitive || MasksNames || MasksContacts;

    /// <summary>Whether the contact person's latest say on the channel is "yes": marketers may then see that contact.</summary>
    public virtual bool HasConsent(long contactPersonId, ConsentChannel channel) => false;

    /// <summary>Distinguishes cached results computed for different views of the base.</summary>
    public string CacheKey => Current switch
    {
        { SeesAll: true } v => v.Role is { } role ? $"all:{RoleAccess.Name(role)}" : "all",
        var v => $"employee:{v.EmployeeId}",
    };

    public readonly record struct Viewer(bool SeesAll, long EmployeeId, EmployeeRole? Role)
    {
        public static readonly Viewer System = new(true, NoEmployee, null);
        public static readonly Viewer Nobody = new(false, NoEmployee, null);

        public static Viewer Of(ClaimsPrincipal? principal)
        {
            if (principal?.Identity?.IsAuthenticated != true) return Nobody;
            var id = CurrentUser.IdOf(principal);
            var role = CurrentUser.RoleOf(principal);
            if (id is null || role is null) return Nobody;
            return new Viewer(role != EmployeeRole.Manager, id.Value, role);
        }
    }

    private sealed class FixedScope(Viewer viewer) : AccessScope
    {
        protected override Viewer Current => viewer;
    }

    public static AccessScope For(ClaimsPrincipal principal) => new FixedScope(Viewer.Of(principal));

    /// <summary>The view of one employee, for work done on their behalf outside a request (a queued import).</summary>
    public static AccessScope ForEmployee(long employeeId, EmployeeRole role) =>
        new FixedScope(new Viewer(role != EmployeeRole.Manager, employeeId, role));
}

/// <summary>
/// The scope of a request or a Blazor circuit: its signed-in user, or nobody. Outside both, the view is the host's
/// <see cref="UnattendedAccess"/> (nobody in the web host, everything on the command line), unless the scope was made
/// by <see cref="SystemScopes"/>.
/// </summary>
public sealed class RequestAccessScope(IHttpContextAccessor http, IServiceProvider services, SystemDbFactory system, UnattendedAccess unattended)
    : AccessScope
{
    private readonly Dictionary<ConsentChannel, HashSet<long>> _consented = [];
    private bool _seesEverything;

    /// <summary>Only <see cref="SystemScopes"/> calls this, on a scope it has just made for a job.</summary>
    internal void SeeEverything() => _seesEverything = true;

    /// <remarks>Read once per request or circuit through a system context of its own: the question is asked while
    /// another query's rows are being read, and a person's consent is a fact about them, not about who is looking.</remarks>
    public override bool HasConsent(long contactPersonId, ConsentChannel channel)
    {
        lock (_consented)
        {
            if (!_consented.TryGetValue(channel, out var people))
            {
                using var db = system.CreateDbContext();
                var said = db.ContactPersons.AsNoTracking().Where(p => p.Consents.Any(c => c.Channel == channel))
                    .Select(p => new { p.Id, p.Consents }).ToList();
                _consented[channel] = people = [.. said
                    .Where(p => p.Consents.Where(c => c.Channel == channel).OrderBy(c => c.RecordedAt).Last().Granted)
                    .Select(p => p.Id)];
            }
            return people.Contains(contactPersonId);
        }
    }

    protected override Viewer Current
    {
        get
        {
            if (_seesEverything) return Viewer.System;
            // A request's own scope is never a circuit's: its user is the one authentication set on the request. Asking
            // the circuit's state provider first threw and caught an exception on each of a request's many reads of the
            // scope (4 % of a GET by id's CPU, ADR 010).
            if (http.HttpContext is { } request && ReferenceEquals(request.RequestServices, services)) return ViewerOf(request.User);
            // The circuit's state first: inside a circuit the accessor may still hand out the connection's first
            // request, whose user does not change when the session is ended or the user deactivated.
            if (CircuitUser(services) is { } user) return Viewer.Of(user);
            // A scope a component made for itself inside a circuit has no state of its own: the circuit's user is its user.
            if (CircuitServices.Current is { } circuit && !ReferenceEquals(circuit, services) && CircuitUser(circuit) is { } circuitUser)
                return Viewer.Of(circuitUser);
            if (http.HttpContext is { } context) return Viewer.Of(context.User);
            return unattended.View;
        }
    }

    /// <summary>The viewer read from a user's claims, kept while the request's user is the same object.</summary>
    private Seen? _seen;

    private sealed record Seen(ClaimsPrincipal User, Viewer Viewer);

    private Viewer ViewerOf(ClaimsPrincipal user)
    {
        var seen = _seen;
        if (seen is null || !ReferenceEquals(seen.User, user)) _seen = seen = new Seen(user, Viewer.Of(user));
        return seen.Viewer;
    }

    private static ClaimsPrincipal? CircuitUser(IServiceProvider scope)
    {
        if (scope.GetService(typeof(AuthenticationStateProvider)) is not AuthenticationStateProvider provider) return null;
        try
        {
            var state = provider.GetAuthenticationStateAsync();
            // A circuit's state is set when it starts; a pending one means the circuit is being set up: nobody yet.
            return state.IsCompletedSuccessfully ? state.Result.User : new ClaimsPrincipal();
        }
        catch (InvalidOperationException)
        {
            // No state was ever set: this scope is not a circuit.
            return null;
        }
    }
}
